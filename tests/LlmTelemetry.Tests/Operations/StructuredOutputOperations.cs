using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

public sealed record Forecast(string City, int Celsius);

/// <summary>Structured output: Microsoft.Extensions.AI's <c>ChatResponse&lt;T&gt;</c> is read as the <c>ChatResponse</c> it derives from.</summary>
public partial class StructuredOutputOperations(IChatClient chat)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<ChatResponse<Forecast>> ForecastAsync([Prompt] string city);

    private async Task<ChatResponse<Forecast>> ForecastCoreAsync(string city)
    {
        ChatResponse response = await chat.GetResponseAsync(city);
        return new ChatResponse<Forecast>(response, JsonSerializerOptions.Web);
    }
}

using System.Diagnostics;
using LlmTelemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AnalyzerDemo;

/// <summary>
/// A traced assistant that leaks what it is asked and what it answers (LLMT1001–LLMT1004). Each leak has a code fix
/// in the IDE (Ctrl+. on the warning): redact the value, log a safe derivative, or classify the log parameter.
/// </summary>
public sealed partial class LeakyAssistant(IChatClient chat, ILogger<LeakyAssistant> logger)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

    private async Task<ChatResponse> AnswerCoreAsync(string question, CancellationToken cancellationToken)
    {
        logger.LogInformation("Asking the model: {Question}", question); // LLMT1001
        Activity.Current?.SetTag("app.question", question); // LLMT1003

        ChatResponse response = await chat.GetResponseAsync(question, cancellationToken: cancellationToken);
        Debug.WriteLine($"Model said: {response.Text}"); // LLMT1002
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new InvalidOperationException("Filtered answer: " + response.Text); // LLMT1004
        }

        logger.LogInformation("Answered with {Length} characters", response.Text.Length); // fine: a length is not content
        return response;
    }
}

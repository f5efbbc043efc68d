using LlmTelemetry;
using Microsoft.Extensions.AI;

namespace SupportBot;

/// <summary>
/// The application's model calls. Each is a partial method marked [LlmOperation]; LlmTelemetry writes its body at
/// build time (see obj/**/generated) and the code that does the work lives in the ...Core method beside it.
/// </summary>
public sealed partial class SupportAssistant(IChatClient chat)
{
    private const string Instructions = "You are a support assistant. Answer from the help center only.";

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

    private Task<ChatResponse> AnswerCoreAsync(string question, CancellationToken cancellationToken) =>
        chat.GetResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)], new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 }, cancellationToken);

    private IAsyncEnumerable<ChatResponseUpdate> StreamAnswerCoreAsync(string question, CancellationToken cancellationToken) =>
        chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)], cancellationToken: cancellationToken);
}

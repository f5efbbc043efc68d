using LlmTelemetry;
using Microsoft.Extensions.AI;
using SupportBot.Model;

namespace SupportBot;

/// <summary>
/// The application's model calls. Each is a partial method marked [LlmOperation]; LlmTelemetry writes its body at
/// build time (see obj/**/generated) and the code that does the work lives in the ...Core method beside it.
/// </summary>
public sealed partial class SupportAssistant(IChatClient chat, HelpCenter helpCenter)
{
    private const string Instructions = "You are a support assistant. Answer from the help center only.";

    /// <summary>Retrieval, then generation: both spans are children of the caller's span.</summary>
    public async Task<ChatResponse> AskAsync(string question, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Model.Article> articles = await helpCenter.SearchAsync(question, cancellationToken: cancellationToken);
        string context = string.Join("\n", articles.Select(a => $"[{a.Id}] {a.Text}"));
        return await AnswerAsync($"{question}\n\nHelp center:\n{context}", cancellationToken);
    }

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    [EvalGuard(typeof(GroundednessCheck), Name = "groundedness", Threshold = 0.5)]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

    private Task<ChatResponse> AnswerCoreAsync(string question, CancellationToken cancellationToken) =>
        chat.GetResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)], new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 }, cancellationToken);

    private IAsyncEnumerable<ChatResponseUpdate> StreamAnswerCoreAsync(string question, CancellationToken cancellationToken) =>
        chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)], cancellationToken: cancellationToken);
}

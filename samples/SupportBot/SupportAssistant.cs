using LlmTelemetry;
using Microsoft.Extensions.AI;
using SupportBot.Model;

namespace SupportBot;

/// <summary>
/// The application's model calls. Each is a partial method marked [LlmOperation]; LlmTelemetry writes its body at
/// build time (see obj/**/generated) and the code that does the work lives in the ...Core method beside it.
/// </summary>
/// <remarks>
/// The model is chosen at run time (<see cref="ChatBackend"/>), so it is not in the attribute: the generated body reads
/// it, with the temperature and token limit, from the <see cref="ChatOptions"/> parameter. The provider is "openai" for
/// every backend, as all of them speak OpenAI's API (the in-process model imitates it).
/// </remarks>
public sealed partial class SupportAssistant(IChatClient chat, HelpCenter helpCenter, string model)
{
    private const string Instructions = "You are a support assistant. Answer from the help center only.";

    /// <summary>Retrieval, then generation: both spans are children of the caller's span.</summary>
    public async Task<ChatResponse> AskAsync(string question, CancellationToken cancellationToken = default) =>
        await AnswerAsync(await GroundAsync(question, cancellationToken), Options(), cancellationToken);

    /// <summary>The same, streamed: the guard judges the whole answer once the last chunk has been read.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> StreamAnswerAsync(string question, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string prompt = await GroundAsync(question, cancellationToken);
        await foreach (ChatResponseUpdate update in StreamAsync(prompt, Options(), cancellationToken))
        {
            yield return update;
        }
    }

    [LlmOperation(Provider = "openai")]
    [EvalGuard(typeof(GroundednessCheck), Name = "groundedness", Threshold = 0.5)]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question, ChatOptions options, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai")]
    [EvalGuard(typeof(GroundednessCheck), Name = "groundedness", Threshold = 0.5)]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync([Prompt] string question, ChatOptions options, CancellationToken cancellationToken = default);

    // The question with the help-center articles it is answered from.
    private async Task<string> GroundAsync(string question, CancellationToken cancellationToken)
    {
        IReadOnlyList<Model.Article> articles = await helpCenter.SearchAsync(question, cancellationToken: cancellationToken);
        string context = string.Join("\n", articles.Select(a => $"[{a.Id}] {a.Text}"));
        return $"{question}\n\nHelp center:\n{context}";
    }

    private ChatOptions Options() => new() { ModelId = model, Temperature = 0.2f, MaxOutputTokens = 400 };

    private Task<ChatResponse> AnswerCoreAsync(string question, ChatOptions options, CancellationToken cancellationToken) =>
        chat.GetResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)], options, cancellationToken);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(string question, ChatOptions options, CancellationToken cancellationToken) =>
        chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, question)], options, cancellationToken);
}

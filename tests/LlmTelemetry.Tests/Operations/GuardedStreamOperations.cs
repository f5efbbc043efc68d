using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

/// <summary>Guards on streams, and guards of operations that are sent chat messages rather than a prompt string.</summary>
public partial class GuardedStreamOperations(IChatClient chat, RecordingJudge judge)
{
    private readonly RecordingJudge _judge = judge;

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7)]
    [EvalGuard(Evaluator = nameof(_judge), Name = "relevance")]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7, OnFailure = GuardAction.Throw)]
    public partial IAsyncEnumerable<ChatResponseUpdate> StrictStreamAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "background-relevance", Mode = GuardMode.Background)]
    public partial IAsyncEnumerable<string> StreamTextAsync([Prompt] string question);

    [Retrieval(DataSource = "kb")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "context-relevance")]
    public partial IAsyncEnumerable<Article> SearchAsync([Prompt] string query);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "relevance")]
    public partial Task<ChatResponse> AnswerAsync(IList<ChatMessage> messages);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(IEnumerable<ChatMessage> messages) => chat.GetStreamingResponseAsync(messages);

    private IAsyncEnumerable<ChatResponseUpdate> StrictStreamCoreAsync(string question) => chat.GetStreamingResponseAsync(question);

    private async IAsyncEnumerable<string> StreamTextCoreAsync(string question)
    {
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(question))
        {
            yield return update.Text;
        }
    }

    private async IAsyncEnumerable<Article> SearchCoreAsync(string query)
    {
        foreach (Article article in RetrievalOperations.Articles)
        {
            await Task.Yield();
            yield return article;
        }
    }

    private Task<ChatResponse> AnswerCoreAsync(IList<ChatMessage> messages) => chat.GetResponseAsync(messages);
}

using System.Runtime.CompilerServices;
using LlmTelemetry;
using Microsoft.Extensions.AI;

/// <summary>A support assistant over deterministic fakes: every operation shape LlmTelemetry traces, no network.</summary>
public sealed partial class Assistant
{
    [Retrieval(DataSource = "help-center")]
    public partial Task<IReadOnlyList<Article>> SearchAsync([Prompt] string query, [TopK] int top = 2);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(Groundedness), Threshold = 0.5)]
    [EvalGuard(typeof(Politeness), Mode = GuardMode.Background)]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync([Prompt] string question, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<ChatResponse> FailAsync([Prompt] string question);

    [LlmOperation("embeddings", Provider = "openai", Model = "text-embedding-3-small")]
    public partial Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(IEnumerable<string> values);

    private static Task<IReadOnlyList<Article>> SearchCoreAsync(string query, int top) =>
        Task.FromResult<IReadOnlyList<Article>>([new("kb-12", "Refunds are paid within 14 days.", 0.92), new("kb-7", "Contact support by mail.", 0.41)]);

    private static async Task<ChatResponse> AnswerCoreAsync(string question)
    {
        await Task.Yield();
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, "Refunds are paid within 14 days."))
        {
            ResponseId = "resp-1",
            ModelId = "gpt-4o-mini-2024-07-18",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 52, OutputTokenCount = 9, TotalTokenCount = 61 },
        };
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string word in new[] { "Refunds ", "take ", "14 days." })
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word) { ResponseId = "resp-2", ModelId = "gpt-4o-mini-2024-07-18" };
        }
    }

    private static async Task<ChatResponse> FailCoreAsync(string question)
    {
        await Task.Yield();
        throw new TimeoutException("The model did not answer in time.");
    }

    private static Task<GeneratedEmbeddings<Embedding<float>>> EmbedCoreAsync(IEnumerable<string> values) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(static _ => new Embedding<float>(new float[] { 0.1f, 0.2f, 0.3f })))
        {
            Usage = new UsageDetails { InputTokenCount = 6, TotalTokenCount = 6 },
        });
}

public sealed record Article([property: DocumentId] string Id, string Text, [property: DocumentScore] double Score);

/// <summary>Passes an answer whose words mostly appear in the question (deterministic).</summary>
public sealed class Groundedness : ILlmEvaluator
{
    public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken) =>
        new(new LlmEvaluation(0.8, passed: true, label: "grounded", explanation: "the answer repeats the article"));
}

/// <summary>Judged after the call returned, on the background queue: its span links to the call's.</summary>
public sealed class Politeness : ILlmEvaluator
{
    public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken) =>
        new(new LlmEvaluation(1, passed: true, explanation: "no rude words"));
}

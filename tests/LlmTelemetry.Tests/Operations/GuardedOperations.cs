using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

/// <summary>Scores an answer by whether it mentions the expected fact.</summary>
public sealed class MentionsParis : ILlmEvaluator
{
    public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken)
    {
        bool grounded = context.Output?.Contains("Paris", StringComparison.Ordinal) == true;
        return new(new LlmEvaluation(grounded ? 0.9 : 0.2, grounded, explanation: grounded ? "mentions Paris" : "does not mention Paris"));
    }
}

public sealed class BrokenEvaluator : ILlmEvaluator
{
    public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The judge model is down.");
}

/// <summary>An evaluator an application would get from dependency injection: it notes what it saw and can be held back.</summary>
public sealed class RecordingJudge : ILlmEvaluator
{
    private readonly List<LlmEvaluationContext> _seen = new();

    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    /// <summary>Completed when the judge is first called, for tests that must act while an evaluation runs.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the judge gives up when its cancellation token is cancelled; if not, it ignores the token.</summary>
    public bool HonoursCancellation { get; set; }

    private volatile bool _wasCancelled;

    public bool WasCancelled => _wasCancelled;

    public IReadOnlyList<LlmEvaluationContext> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToArray();
            }
        }
    }

    public async ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            _seen.Add(context);
        }

        Entered.TrySetResult();

        try
        {
            await (HonoursCancellation ? Gate.Task.WaitAsync(cancellationToken) : Gate.Task).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _wasCancelled = true;
            throw;
        }

        return new LlmEvaluation(0.8, passed: true, label: "relevant");
    }

    public static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

public partial class GuardedOperations(IChatClient chat, RecordingJudge judge)
{
    private readonly RecordingJudge _judge = judge;

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7)]
    [EvalGuard(Evaluator = nameof(_judge), Name = "relevance")]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7, OnFailure = GuardAction.Throw)]
    public partial Task<ChatResponse> StrictAnswerAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7, OnFailure = GuardAction.Fallback, Fallback = nameof(SafeAnswer))]
    public partial string Answer([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7, OnFailure = GuardAction.Throw, SampleRate = 0.5)]
    public partial Task<ChatResponse> HalfStrictAnswerAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(BrokenEvaluator), Name = "broken", OnFailure = GuardAction.Throw)]
    public partial ValueTask<ChatResponse> BrokenJudgeAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "slow", Threshold = 0.9, OnFailure = GuardAction.Throw)]
    public partial Task<ChatResponse> SlowJudgeAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "quick", TimeoutMilliseconds = 100)]
    public partial Task<ChatResponse> QuickJudgeAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "background-relevance", Mode = GuardMode.Background)]
    public partial Task<ChatResponse> BackgroundAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "never", SampleRate = 0)]
    [EvalGuard(typeof(MentionsParis), Name = "half", SampleRate = 0.5)]
    public partial Task<ChatResponse> SampledAsync([Prompt] string question);

    [Retrieval(DataSource = "kb")]
    [EvalGuard(Evaluator = nameof(_judge), Name = "context-relevance")]
    public partial Article[] Search([Prompt] string query);

    private Task<ChatResponse> AnswerCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> SlowJudgeCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> QuickJudgeCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> StrictAnswerCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> HalfStrictAnswerCoreAsync(string question) => chat.GetResponseAsync(question);

    private string AnswerCore(string question) => chat.GetResponseAsync(question).GetAwaiter().GetResult().Text;

    private string SafeAnswer(string question) => "I am not sure; let me find a human.";

    private ValueTask<ChatResponse> BrokenJudgeCoreAsync(string question) => new(chat.GetResponseAsync(question));

    private Task<ChatResponse> BackgroundCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> SampledCoreAsync(string question) => chat.GetResponseAsync(question);

    private Article[] SearchCore(string query) => RetrievalOperations.Articles;
}

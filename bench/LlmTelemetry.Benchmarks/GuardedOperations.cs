using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>The generated chat call of <see cref="GeneratedOperations"/>, under each kind of [EvalGuard].</summary>
public sealed partial class GuardedOperations(IChatClient model)
{
    private static readonly Task<ChatResponse> s_safeAnswer = Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "I cannot answer that.")));

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    [EvalGuard(typeof(PassingEvaluator))]
    public partial Task<ChatResponse> RecordingAsync(IList<ChatMessage> messages, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    [EvalGuard(typeof(PassingEvaluator), Mode = GuardMode.Background)]
    public partial Task<ChatResponse> BackgroundAsync(IList<ChatMessage> messages, CancellationToken cancellationToken = default);

    // Guards that act on the call run even when nothing listens; sampled out, they judge nothing.
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    [EvalGuard(typeof(PassingEvaluator), OnFailure = GuardAction.Throw, SampleRate = 0)]
    public partial Task<ChatResponse> ThrowingAsync(IList<ChatMessage> messages, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    [EvalGuard(typeof(PassingEvaluator), OnFailure = GuardAction.Fallback, Fallback = nameof(SafeAnswerAsync), SampleRate = 0)]
    public partial Task<ChatResponse> FallingBackAsync(IList<ChatMessage> messages, CancellationToken cancellationToken = default);

    private Task<ChatResponse> RecordingCoreAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) =>
        model.GetResponseAsync(messages, cancellationToken: cancellationToken);

    private Task<ChatResponse> BackgroundCoreAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) =>
        model.GetResponseAsync(messages, cancellationToken: cancellationToken);

    private Task<ChatResponse> ThrowingCoreAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) =>
        model.GetResponseAsync(messages, cancellationToken: cancellationToken);

    private Task<ChatResponse> FallingBackCoreAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) =>
        model.GetResponseAsync(messages, cancellationToken: cancellationToken);

    private Task<ChatResponse> SafeAnswerAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) => s_safeAnswer;
}

/// <summary>An evaluator that passes every call at once; in these benchmarks it is never asked.</summary>
public sealed class PassingEvaluator : ILlmEvaluator
{
    private static readonly LlmEvaluation s_passed = new(1, passed: true);

    public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken) => new(s_passed);
}

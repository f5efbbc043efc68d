using System.ComponentModel;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// What the guards of one call share, whatever its shape: the method's guards, the evaluators read from instance
/// members, and the request the evaluators see.
/// </summary>
/// <remarks>Created by generated code, through <see cref="LlmGuardedCall{TResult}"/> or <see cref="LlmGuardedStream{TChunk}"/>.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class LlmGuardSet
{
    private protected LlmGuardSet(LlmGuardDescriptor[] guards, ILlmEvaluator?[]? memberEvaluators, string? input, object? request)
    {
        Guards = guards;
        MemberEvaluators = memberEvaluators;
        Input = input;
        Request = request;
    }

    internal LlmGuardDescriptor[] Guards { get; }

    internal ILlmEvaluator?[]? MemberEvaluators { get; }

    internal string? Input { get; }

    internal object? Request { get; }

    internal ILlmEvaluator? Evaluator(int index) =>
        MemberEvaluators is { } members && index < members.Length && members[index] is { } member ? member : Guards[index].SharedEvaluator;
}

using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace LlmTelemetry.Instrumentation;

/// <summary>What one guarded call hands its guards: which guards run, their evaluators, the input and how to read the output.</summary>
/// <typeparam name="TResult">The call's result type.</typeparam>
/// <remarks>Created by generated code only for calls that some guard evaluates.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LlmGuardedCall<TResult>
{
    /// <summary>Describes the guarded call.</summary>
    /// <param name="guards">The method's guards.</param>
    /// <param name="selected">A bit per guard that runs on this call (see <see cref="LlmGuarding.Select"/>).</param>
    /// <param name="memberEvaluators">Evaluators read from instance members, by guard index; <see langword="null"/> entries use the guard's own.</param>
    /// <param name="input">The prompt or query text, if any.</param>
    /// <param name="output">Reads the generated text from the result, if it has one.</param>
    /// <param name="fallback">Produces the replacement result of a failed guard with <see cref="GuardAction.Fallback"/>.</param>
    public LlmGuardedCall(LlmGuardDescriptor[] guards, int selected, ILlmEvaluator?[]? memberEvaluators, string? input, Func<TResult, string?>? output, Func<ValueTask<TResult>>? fallback)
    {
        Guards = guards;
        Selected = selected;
        MemberEvaluators = memberEvaluators;
        Input = input;
        Output = output;
        Fallback = fallback;
    }

    internal LlmGuardDescriptor[] Guards { get; }

    internal int Selected { get; }

    internal ILlmEvaluator?[]? MemberEvaluators { get; }

    internal string? Input { get; }

    internal Func<TResult, string?>? Output { get; }

    internal Func<ValueTask<TResult>>? Fallback { get; }

    internal bool Runs(int index) => (Selected & (1 << index)) != 0;

    internal ILlmEvaluator? Evaluator(int index) =>
        MemberEvaluators is { } members && index < members.Length && members[index] is { } member ? member : Guards[index].SharedEvaluator;
}

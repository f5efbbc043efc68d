using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace LlmTelemetry.Instrumentation;

/// <summary>What one guarded call hands its guards: which guards run, their evaluators, the input and how to read the output.</summary>
/// <typeparam name="TResult">The call's result type.</typeparam>
/// <remarks>Created by generated code only for calls that some guard evaluates.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LlmGuardedCall<TResult> : LlmGuardSet
{
    /// <summary>Describes the guarded call.</summary>
    /// <param name="guards">The method's guards.</param>
    /// <param name="selected">A bit per guard that runs on this call (see <see cref="LlmGuarding.Select(LlmGuardDescriptor[], in LlmOperationScope, int)"/>).</param>
    /// <param name="memberEvaluators">Evaluators read from instance members, by guard index; <see langword="null"/> entries use the guard's own.</param>
    /// <param name="input">The prompt or query text, if any.</param>
    /// <param name="request">The chat messages the call was sent, if it takes messages.</param>
    /// <param name="output">Reads the generated text from the result, if it has one.</param>
    /// <param name="fallback">Produces the replacement result of a failed guard with <see cref="GuardAction.Fallback"/>.</param>
    public LlmGuardedCall(LlmGuardDescriptor[] guards, int selected, ILlmEvaluator?[]? memberEvaluators, string? input, object? request, Func<TResult, string?>? output, Func<ValueTask<TResult>>? fallback)
        : base(guards, memberEvaluators, input, request)
    {
        Selected = selected;
        Output = output;
        Fallback = fallback;
    }

    internal int Selected { get; }

    internal Func<TResult, string?>? Output { get; }

    internal Func<ValueTask<TResult>>? Fallback { get; }
}

using System;
using System.Runtime.CompilerServices;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The limits past which the data-exposure analysis gives up on one body instead of running on: a user's build must
/// never crash or hang because of it. Every limit is a count, not a time, so the same code gets the same result on
/// every machine.
/// </summary>
/// <remarks>
/// Giving up is conservative in the direction a user sees: the body itself gets no finding, and a summary of it is
/// <see cref="MethodFlowResult.Unknown"/> (its callers assume its result carries what it was given).
/// </remarks>
internal static class AnalysisBounds
{
    /// <summary>
    /// How deeply operations may nest below one another in a walk that recurses (a call in an argument of a call, a
    /// lambda in a lambda). Chains of <c>+</c> are walked without recursing and do not count.
    /// </summary>
    public const int MaxNesting = 500;

    /// <summary>How many operations the flow analysis of one body may evaluate, over all its passes, lambdas and local functions.</summary>
    public const int MaxEvaluations = 200_000;

    /// <summary>
    /// Enters one level of a recursive walk: throws <see cref="AnalysisBoundExceededException"/> past
    /// <see cref="MaxNesting"/>, or where the thread's stack runs short anyway (a summary computed inside another).
    /// </summary>
    public static void EnterNested(ref int nesting)
    {
        if (++nesting > MaxNesting)
        {
            throw new AnalysisBoundExceededException();
        }

        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException)
        {
            throw new AnalysisBoundExceededException();
        }
    }
}

/// <summary>A body exceeded one of the <see cref="AnalysisBounds"/>; caught where its analysis started.</summary>
internal sealed class AnalysisBoundExceededException : Exception
{
}

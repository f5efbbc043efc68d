using System;

namespace LlmTelemetry;

/// <summary>
/// Evaluates the output of an <see cref="LlmOperationAttribute"/> or <see cref="RetrievalAttribute"/> method on every
/// call (or a sample of calls) and records a <c>gen_ai.evaluation.result</c> event on its span, with score metrics.
/// Inline guards can also throw or fall back when the evaluation fails.
/// </summary>
/// <remarks>
/// The evaluator is an <see cref="ILlmEvaluator"/>: a type with a parameterless constructor, created once
/// (<c>[EvalGuard(typeof(GroundednessCheck))]</c>), or a field or property of the containing instance
/// (<c>[EvalGuard(Evaluator = nameof(_groundedness))]</c>), so that evaluators can come from dependency injection.
/// Where the project references Microsoft.Extensions.AI.Evaluation, a Microsoft.Extensions.AI.Evaluation
/// <c>IEvaluator</c> is accepted the same ways: each numeric and boolean metric it returns becomes an evaluation.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class EvalGuardAttribute : Attribute
{
    /// <summary>A guard whose evaluator is named by <see cref="Evaluator"/>.</summary>
    public EvalGuardAttribute()
    {
    }

    /// <summary>A guard whose evaluator is a type with a parameterless constructor.</summary>
    public EvalGuardAttribute(Type evaluatorType)
    {
        EvaluatorType = evaluatorType;
    }

    /// <summary>The evaluator type, when given to the constructor.</summary>
    public Type? EvaluatorType { get; }

    /// <summary>The name of a field or property of the containing instance that holds the evaluator; use <see langword="nameof"/>.</summary>
    public string? Evaluator { get; set; }

    /// <summary>
    /// For a Microsoft.Extensions.AI.Evaluation <c>IEvaluator</c>: the name of a field or property of the containing
    /// instance that holds the <c>ChatConfiguration</c> (the judge model) it is given; use <see langword="nameof"/>.
    /// </summary>
    public string? ChatConfiguration { get; set; }

    /// <summary>The <c>gen_ai.evaluation.name</c>; by default the evaluator's type or member name.</summary>
    public string? Name { get; set; }

    /// <summary>The score at or above which the evaluation passes; when not set, the evaluator's own verdict counts.</summary>
    public double Threshold { get; set; } = double.NaN;

    /// <summary>What an inline guard does when the evaluation fails.</summary>
    public GuardAction OnFailure { get; set; } = GuardAction.Record;

    /// <summary>
    /// The method whose output replaces a failed call's with <see cref="GuardAction.Fallback"/>: same parameters and
    /// return type as the guarded method; use <see langword="nameof"/>.
    /// </summary>
    public string? Fallback { get; set; }

    /// <summary>Whether the guard runs before the call returns or in the background.</summary>
    public GuardMode Mode { get; set; } = GuardMode.Inline;

    /// <summary>
    /// The share of calls evaluated, from 0 to 1. The choice is made from the trace id, so all guards of one trace are
    /// evaluated or none.
    /// </summary>
    public double SampleRate { get; set; } = 1.0;

    /// <summary>
    /// How long the evaluator may take, in milliseconds, before the call goes on without its verdict (the event then
    /// carries <c>error.type</c> <c>System.TimeoutException</c>). 0, the default, takes
    /// <see cref="LlmTelemetryOptions.EvaluationTimeout"/>; <see cref="System.Threading.Timeout.Infinite"/> (-1) waits for ever.
    /// </summary>
    public int TimeoutMilliseconds { get; set; }
}

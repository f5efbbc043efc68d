using System;
using System.Collections.Generic;
using System.Linq;

namespace LlmTelemetry;

/// <summary>
/// The result of one evaluation: a score, a verdict, a label and an explanation — or, from an evaluator that measures
/// several things at once, one such result per metric (see <see cref="Combine"/>).
/// </summary>
public sealed class LlmEvaluation
{
    private static readonly LlmEvaluation[] s_noMetrics = [];

    /// <summary>Creates a result.</summary>
    /// <param name="score">The numeric score (<c>gen_ai.evaluation.score.value</c>), if any.</param>
    /// <param name="passed">The evaluator's own verdict; a guard with a <c>Threshold</c> decides from the score instead.</param>
    /// <param name="label">A low-cardinality label such as <c>relevant</c> (<c>gen_ai.evaluation.score.label</c>).</param>
    /// <param name="explanation">Why (<c>gen_ai.evaluation.explanation</c>).</param>
    public LlmEvaluation(double? score, bool passed, string? label = null, string? explanation = null)
        : this(null, score, passed, label, explanation, s_noMetrics)
    {
    }

    private LlmEvaluation(string? name, double? score, bool passed, string? label, string? explanation, IReadOnlyList<LlmEvaluation> metrics, string? errorType = null)
    {
        ErrorType = errorType;
        Name = name;
        Score = score;
        Passed = passed;
        Label = label;
        Explanation = explanation;
        Metrics = metrics;
    }

    /// <summary>The name of the metric, for one metric of a combined result; <see langword="null"/> to use the guard's name.</summary>
    public string? Name { get; }

    /// <summary>The numeric score, if any.</summary>
    public double? Score { get; }

    /// <summary>The evaluator's verdict; for a combined result, whether every metric it could measure passed.</summary>
    public bool Passed { get; }

    /// <summary>A low-cardinality label, if any.</summary>
    public string? Label { get; }

    /// <summary>An explanation, if any.</summary>
    public string? Explanation { get; }

    /// <summary>
    /// Why the evaluator could not measure this metric (<c>error.type</c>), for a metric made with <see cref="MetricError"/>;
    /// such a metric neither passes nor fails the guard.
    /// </summary>
    public string? ErrorType { get; }

    /// <summary>The metrics of a combined result, each recorded as its own evaluation; empty for a single result.</summary>
    public IReadOnlyList<LlmEvaluation> Metrics { get; }

    /// <summary>Creates the result of one named metric, to <see cref="Combine"/> with others.</summary>
    /// <param name="name">The metric's <c>gen_ai.evaluation.name</c>, such as <c>Relevance</c>.</param>
    /// <param name="score">The numeric score, if any.</param>
    /// <param name="passed">The evaluator's verdict on this metric; a guard with a <c>Threshold</c> decides from the score instead.</param>
    /// <param name="label">A low-cardinality label, if any.</param>
    /// <param name="explanation">Why, if known.</param>
    public static LlmEvaluation Metric(string name, double? score, bool passed, string? label = null, string? explanation = null)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A metric needs a name.", nameof(name));
        }

        return new LlmEvaluation(name, score, passed, label, explanation, s_noMetrics);
    }

    /// <summary>Creates the result of a metric the evaluator could not measure, to <see cref="Combine"/> with others.</summary>
    /// <param name="name">The metric's <c>gen_ai.evaluation.name</c>.</param>
    /// <param name="errorType">A low-cardinality description of the failure (<c>error.type</c>).</param>
    /// <param name="explanation">What went wrong, if known.</param>
    public static LlmEvaluation MetricError(string name, string errorType, string? explanation = null)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(errorType))
        {
            throw new ArgumentException("A metric error needs a name and an error type.");
        }

        return new LlmEvaluation(name, null, false, null, explanation, s_noMetrics, errorType);
    }

    /// <summary>
    /// Combines the metrics one evaluator measured in a single call (relevance, truth and completeness …): each is
    /// recorded as its own <c>gen_ai.evaluation.result</c> event, and the guard fails when any of them fails.
    /// </summary>
    /// <param name="metrics">The metrics, each made with <see cref="Metric"/>.</param>
    public static LlmEvaluation Combine(IEnumerable<LlmEvaluation> metrics)
    {
        if (metrics is null)
        {
            throw new ArgumentNullException(nameof(metrics));
        }

        LlmEvaluation[] items = metrics.ToArray();
        if (items.Any(static m => m is null || m.Name is null || m.Metrics.Count > 0))
        {
            throw new ArgumentException("Combine takes metrics made with LlmEvaluation.Metric.", nameof(metrics));
        }

        return new LlmEvaluation(null, null, items.All(static m => m.Passed || m.ErrorType is not null), null, null, items);
    }
}

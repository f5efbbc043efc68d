using System;
using System.ComponentModel;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// One <c>[EvalGuard]</c> of a method, as generated code describes it once: its name, threshold, action, mode,
/// sample rate and, for an evaluator type, how to create the evaluator.
/// </summary>
/// <remarks>Used by generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LlmGuardDescriptor
{
    private readonly Func<ILlmEvaluator>? _create;
    private ILlmEvaluator? _evaluator;

    /// <summary>Describes a guard.</summary>
    /// <param name="name">The <c>gen_ai.evaluation.name</c>.</param>
    /// <param name="threshold">The passing score, or <see cref="double.NaN"/> for the evaluator's verdict.</param>
    /// <param name="action">What an inline guard does on failure.</param>
    /// <param name="mode">Inline or background.</param>
    /// <param name="sampleRate">The share of traces evaluated.</param>
    /// <param name="create">Creates the evaluator once, for an evaluator type; <see langword="null"/> when an instance member holds it.</param>
    /// <param name="timeoutMilliseconds">The guard's own time limit; 0 for <see cref="LlmTelemetryOptions.EvaluationTimeout"/>, -1 for none.</param>
    public LlmGuardDescriptor(string name, double threshold, GuardAction action, GuardMode mode, double sampleRate, Func<ILlmEvaluator>? create, int timeoutMilliseconds = 0)
    {
        TimeoutMilliseconds = timeoutMilliseconds;
        Name = name;
        Threshold = threshold;
        Action = action;
        Mode = mode;
        SampleRate = sampleRate;
        _create = create;
    }

    /// <summary>The <c>gen_ai.evaluation.name</c>.</summary>
    public string Name { get; }

    /// <summary>The passing score, or <see cref="double.NaN"/>.</summary>
    public double Threshold { get; }

    /// <summary>What an inline guard does on failure.</summary>
    public GuardAction Action { get; }

    /// <summary>Inline or background.</summary>
    public GuardMode Mode { get; }

    /// <summary>The share of traces evaluated.</summary>
    public double SampleRate { get; }

    /// <summary>The guard's own time limit in milliseconds; 0 for <see cref="LlmTelemetryOptions.EvaluationTimeout"/>, -1 for none.</summary>
    public int TimeoutMilliseconds { get; }

    /// <summary>How long the evaluator may take.</summary>
    internal TimeSpan Timeout => TimeoutMilliseconds switch
    {
        0 => LlmTelemetrySettings.Current.EvaluationTimeout,
        < 0 => System.Threading.Timeout.InfiniteTimeSpan,
        _ => TimeSpan.FromMilliseconds(TimeoutMilliseconds),
    };

    /// <summary>Whether the guard changes what the caller gets (throw or fallback), so it runs even when nothing listens.</summary>
    internal bool ActsOnCall => Mode == GuardMode.Inline && Action != GuardAction.Record;

    /// <summary>The evaluator created from the type, once; <see langword="null"/> if creating it failed.</summary>
    internal ILlmEvaluator? SharedEvaluator
    {
        get
        {
            if (_evaluator is null && _create is not null)
            {
                try
                {
                    _evaluator = _create();
                }
                catch (Exception exception)
                {
                    LlmTelemetryEventSource.Log.TelemetryFailed($"creating the evaluator of guard '{Name}'", exception);
                }
            }

            return _evaluator;
        }
    }

    /// <summary>
    /// The result that fails the guard: the evaluation itself, or the first failed metric of a combined one;
    /// <see langword="null"/> when it passed.
    /// </summary>
    internal LlmEvaluation? Failure(LlmEvaluation evaluation)
    {
        if (evaluation.Metrics.Count == 0)
        {
            return Passes(evaluation) ? null : evaluation;
        }

        foreach (LlmEvaluation metric in evaluation.Metrics)
        {
            if (metric.ErrorType is null && !Passes(metric))
            {
                return metric;
            }
        }

        return null;
    }

    /// <summary>Whether the evaluation passed: by the threshold when there is one and a score, else by the evaluator's verdict.</summary>
    internal bool Passes(LlmEvaluation evaluation) =>
        double.IsNaN(Threshold) || evaluation.Score is not double score ? evaluation.Passed : score >= Threshold;
}

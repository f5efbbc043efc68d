using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace LlmTelemetry.Instrumentation;

/// <summary>The one <see cref="ActivitySource"/> and the one <see cref="Meter"/> of LlmTelemetry, with its instruments.</summary>
internal static class LlmTelemetryInstruments
{
    public const string SourceName = "LlmTelemetry";
    public const string MeterName = "LlmTelemetry";

    // Advised boundaries of the GenAI conventions (seconds for durations, tokens for usage).
    private static readonly double[] s_durationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
    private static readonly long[] s_tokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    // Evaluation scores are mostly 0–1 (a bucket per tenth) or 1–5 ratings (a bucket per half point); the SDK's default
    // boundaries (0, 5, 10, 25 …) would put every such score in one or two buckets.
    private static readonly double[] s_scoreBuckets = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(SourceName, Version);

    public static readonly Meter Meter = new(MeterName, Version);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        GenAiSemanticConventions.Baseline.Metrics.ClientOperationDuration,
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });

    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        GenAiSemanticConventions.Baseline.Metrics.ClientTokenUsage,
        unit: "{token}",
        description: "Number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = s_tokenBuckets });

    public static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram(
        GenAiSemanticConventions.Baseline.Metrics.ClientOperationTimeToFirstChunk,
        unit: "s",
        description: "Time to receive the first chunk of a streamed response.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });

    public static readonly Histogram<double> TimePerOutputChunk = Meter.CreateHistogram(
        GenAiSemanticConventions.Baseline.Metrics.ClientOperationTimePerOutputChunk,
        unit: "s",
        description: "Time between consecutive chunks of a streamed response, from the second chunk on.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });

    public static readonly Histogram<double> EvaluationScore = Meter.CreateHistogram<double>(
        GenAiSemanticConventions.LlmTelemetryMetrics.EvaluationScore,
        unit: "1",
        description: "Scores of evaluations of LLM outputs (LlmTelemetry's own metric).",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_scoreBuckets });

    public static readonly Counter<long> EvaluationResults = Meter.CreateCounter<long>(
        GenAiSemanticConventions.LlmTelemetryMetrics.EvaluationResults,
        unit: "{evaluation}",
        description: "Evaluations of LLM outputs, passed or not (LlmTelemetry's own metric).");

    public static readonly Counter<long> EvaluationDropped = Meter.CreateCounter<long>(
        GenAiSemanticConventions.LlmTelemetryMetrics.EvaluationDropped,
        unit: "{evaluation}",
        description: "Background evaluations dropped: their queue was full, or they were discarded at shutdown (LlmTelemetry's own metric).");

    /// <summary>
    /// Whether anything listens to a call: a span listener on the source, or a metric listener on the duration or
    /// token instruments. This is the whole cost of a call when nothing listens, so it checks no more than that.
    /// </summary>
    public static bool IsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Source.HasListeners() || OperationDuration.Enabled || TokenUsage.Enabled;
    }

    /// <summary>Whether anything listens to a stream: the above, or a listener on the per-chunk instruments alone.</summary>
    public static bool IsStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsEnabled || TimeToFirstChunk.Enabled || TimePerOutputChunk.Enabled;
    }

    private static string ReadVersion()
    {
        string? version = typeof(LlmTelemetryInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return "0.0.0";
        }

        int metadata = version!.IndexOf('+');
        return metadata < 0 ? version : version.Substring(0, metadata);
    }
}

using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// The one <see cref="ActivitySource"/> and the one <see cref="Meter"/> of LlmTelemetry, with its own evaluation instruments.
/// The GenAI instruments belong to the convention release that records them (<see cref="BaselineInstruments"/>,
/// <see cref="V0_1InferenceInstruments"/> …), so that a build creates only the instruments of the release it chose.
/// </summary>
internal static class LlmTelemetryInstruments
{
    public const string SourceName = "LlmTelemetry";
    public const string MeterName = "LlmTelemetry";

    // Evaluation scores are mostly 0–1 (a bucket per tenth) or 1–5 ratings (a bucket per half point); the SDK's default
    // boundaries (0, 5, 10, 25 …) would put every such score in one or two buckets.
    private static readonly double[] s_scoreBuckets = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(SourceName, Version);

    public static readonly Meter Meter = new(MeterName, Version);

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

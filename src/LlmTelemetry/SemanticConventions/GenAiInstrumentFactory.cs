using System.Diagnostics.Metrics;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Creates GenAI instruments on LlmTelemetry's meter with the bucket boundaries the conventions advise (the same in every
/// supported release). Holds no instrument itself, so calling it creates only the instrument asked for.
/// </summary>
internal static class GenAiInstrumentFactory
{
    private static readonly double[] s_seconds = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
    private static readonly long[] s_tokens = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    /// <summary>A histogram of durations in seconds.</summary>
    public static Histogram<double> Seconds(string name, string description) =>
        LlmTelemetryInstruments.Meter.CreateHistogram(name, unit: "s", description: description, tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_seconds });

    /// <summary>A histogram of token counts.</summary>
    public static Histogram<long> Tokens(string name, string description) =>
        LlmTelemetryInstruments.Meter.CreateHistogram(name, unit: "{token}", description: description, tags: null,
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = s_tokens });

    /// <summary>A counter of tokens.</summary>
    public static Counter<long> TokenCounter(string name, string description) =>
        LlmTelemetryInstruments.Meter.CreateCounter<long>(name, unit: "{token}", description: description);
}

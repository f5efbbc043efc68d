using System.Diagnostics.Metrics;

namespace LlmTelemetry.Instrumentation;

/// <summary>The baseline's instruments besides <see cref="ClientOperationInstruments.Duration"/>; created when a baseline call first checks them.</summary>
internal static class BaselineInstruments
{
    public static readonly Histogram<long> TokenUsage = GenAiInstrumentFactory.Tokens(
        GenAiSemanticConventions.Baseline.Metrics.ClientTokenUsage, "Number of input and output tokens used.");

    public static readonly Histogram<double> TimeToFirstChunk = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.Baseline.Metrics.ClientOperationTimeToFirstChunk, "Time to receive the first chunk of a streamed response.");

    public static readonly Histogram<double> TimePerOutputChunk = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.Baseline.Metrics.ClientOperationTimePerOutputChunk, "Time between consecutive chunks of a streamed response, from the second chunk on.");
}

using System.Diagnostics.Metrics;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// <c>gen_ai.client.operation.duration</c>, which both releases define: the baseline for every operation, v0.1.0 for
/// operations without a duration of their own. One instrument, so that <c>both</c> never registers the name twice.
/// </summary>
internal static class ClientOperationInstruments
{
    public static readonly Histogram<double> Duration = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.Baseline.Metrics.ClientOperationDuration, "GenAI operation duration.");
}

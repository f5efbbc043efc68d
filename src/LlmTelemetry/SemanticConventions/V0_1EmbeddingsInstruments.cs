using System.Diagnostics.Metrics;

namespace LlmTelemetry.Instrumentation;

/// <summary>v0.1.0's embeddings instruments; created when a v0.1.0 embeddings call first checks them.</summary>
internal static class V0_1EmbeddingsInstruments
{
    public static readonly Histogram<double> Duration = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.V0_1.Metrics.ClientEmbeddingsDuration, "GenAI embeddings duration.");

    public static readonly Histogram<long> OperationInputTokens = GenAiInstrumentFactory.Tokens(
        GenAiSemanticConventions.V0_1.Metrics.ClientEmbeddingsOperationInputTokens, "Input tokens of one embeddings operation.");
}

using System.Diagnostics.Metrics;

namespace LlmTelemetry.Instrumentation;

/// <summary>v0.1.0's inference instruments; created when a v0.1.0 inference first checks them.</summary>
internal static class V0_1InferenceInstruments
{
    public static readonly Histogram<double> Duration = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceDuration, "GenAI inference duration.");

    public static readonly Histogram<double> TimeToFirstChunk = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceTimeToFirstChunk, "Time to receive the first chunk of a streamed response.");

    public static readonly Histogram<double> TimePerOutputChunk = GenAiInstrumentFactory.Seconds(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceTimePerOutputChunk, "Time between consecutive chunks of a streamed response, from the second chunk on.");

    public static readonly Counter<long> UsageInputTokens = GenAiInstrumentFactory.TokenCounter(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceUsageInputTokens, "Input tokens used by inference operations.");

    public static readonly Counter<long> UsageOutputTokens = GenAiInstrumentFactory.TokenCounter(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceUsageOutputTokens, "Output tokens used by inference operations.");

    public static readonly Counter<long> UsageCacheReadInputTokens = GenAiInstrumentFactory.TokenCounter(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceUsageCacheReadInputTokens, "Input tokens served from a provider's cache.");

    public static readonly Counter<long> UsageCacheWriteInputTokens = GenAiInstrumentFactory.TokenCounter(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceUsageCacheWriteInputTokens, "Input tokens written to a provider's cache.");

    public static readonly Counter<long> UsageReasoningOutputTokens = GenAiInstrumentFactory.TokenCounter(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceUsageReasoningOutputTokens, "Output tokens used for reasoning.");

    public static readonly Histogram<long> OperationInputTokens = GenAiInstrumentFactory.Tokens(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceOperationInputTokens, "Input tokens of one inference operation.");

    public static readonly Histogram<long> OperationOutputTokens = GenAiInstrumentFactory.Tokens(
        GenAiSemanticConventions.V0_1.Metrics.ClientInferenceOperationOutputTokens, "Output tokens of one inference operation.");
}

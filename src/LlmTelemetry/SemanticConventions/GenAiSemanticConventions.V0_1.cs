namespace LlmTelemetry;

public static partial class GenAiSemanticConventions
{
    /// <summary>
    /// The names of release v0.1.0 of semantic-conventions-genai, the first standalone release, where they differ from the
    /// <see cref="Baseline"/>. Chosen with <c>&lt;LlmTelemetrySemanticConventions&gt;latest&lt;/LlmTelemetrySemanticConventions&gt;</c>.
    /// </summary>
    /// <remarks>
    /// v0.1.0 publishes no schema URL of its own yet, so none is given here. <c>gen_ai.retrieval.duration</c> exists in
    /// v0.1.0 but its instrument, unit and attributes could not be confirmed, so LlmTelemetry does not record it yet.
    /// </remarks>
    public static class V0_1
    {
        /// <summary>Metric instrument names of v0.1.0.</summary>
        public static class Metrics
        {
            /// <summary><c>gen_ai.client.inference.duration</c>: histogram, seconds, per inference (chat, text completion, generate content).</summary>
            public const string ClientInferenceDuration = "gen_ai.client.inference.duration";
            /// <summary><c>gen_ai.client.inference.time_to_first_chunk</c>: histogram, seconds (streaming).</summary>
            public const string ClientInferenceTimeToFirstChunk = "gen_ai.client.inference.time_to_first_chunk";
            /// <summary><c>gen_ai.client.inference.time_per_output_chunk</c>: histogram, seconds (streaming), from the second chunk.</summary>
            public const string ClientInferenceTimePerOutputChunk = "gen_ai.client.inference.time_per_output_chunk";
            /// <summary><c>gen_ai.client.inference.usage.input_tokens</c>: counter, tokens, per <c>gen_ai.token.modality</c>.</summary>
            public const string ClientInferenceUsageInputTokens = "gen_ai.client.inference.usage.input_tokens";
            /// <summary><c>gen_ai.client.inference.usage.output_tokens</c>: counter, tokens, per <c>gen_ai.token.modality</c>.</summary>
            public const string ClientInferenceUsageOutputTokens = "gen_ai.client.inference.usage.output_tokens";
            /// <summary><c>gen_ai.client.inference.usage.cache_read.input_tokens</c>: counter, tokens, per <c>gen_ai.token.modality</c>.</summary>
            public const string ClientInferenceUsageCacheReadInputTokens = "gen_ai.client.inference.usage.cache_read.input_tokens";
            /// <summary><c>gen_ai.client.inference.usage.cache_write.input_tokens</c>: counter, tokens, per <c>gen_ai.token.modality</c>.</summary>
            public const string ClientInferenceUsageCacheWriteInputTokens = "gen_ai.client.inference.usage.cache_write.input_tokens";
            /// <summary><c>gen_ai.client.inference.usage.reasoning.output_tokens</c>: counter, tokens, per <c>gen_ai.token.modality</c>.</summary>
            public const string ClientInferenceUsageReasoningOutputTokens = "gen_ai.client.inference.usage.reasoning.output_tokens";
            /// <summary><c>gen_ai.client.inference.operation.input_tokens</c>: histogram, the input tokens of one inference.</summary>
            public const string ClientInferenceOperationInputTokens = "gen_ai.client.inference.operation.input_tokens";
            /// <summary><c>gen_ai.client.inference.operation.output_tokens</c>: histogram, the output tokens of one inference.</summary>
            public const string ClientInferenceOperationOutputTokens = "gen_ai.client.inference.operation.output_tokens";
            /// <summary><c>gen_ai.client.embeddings.duration</c>: histogram, seconds, per embeddings call.</summary>
            public const string ClientEmbeddingsDuration = "gen_ai.client.embeddings.duration";
            /// <summary><c>gen_ai.client.embeddings.operation.input_tokens</c>: histogram, the input tokens of one embeddings call.</summary>
            public const string ClientEmbeddingsOperationInputTokens = "gen_ai.client.embeddings.operation.input_tokens";
            /// <summary><c>gen_ai.client.operation.duration</c>: histogram, seconds, for operations without a metric of their own.</summary>
            public const string ClientOperationDuration = "gen_ai.client.operation.duration";
        }

        /// <summary>Attribute names new in v0.1.0.</summary>
        public static class Attributes
        {
            /// <summary><c>gen_ai.token.modality</c> (string), required on the <c>gen_ai.client.inference.usage.*</c> counters.</summary>
            public const string TokenModality = "gen_ai.token.modality";
            /// <summary><c>gen_ai.usage.cache_write.input_tokens</c> (int), the baseline's <c>gen_ai.usage.cache_creation.input_tokens</c>.</summary>
            public const string UsageCacheWriteInputTokens = "gen_ai.usage.cache_write.input_tokens";
        }

        /// <summary>Values of <c>gen_ai.token.modality</c>.</summary>
        public static class TokenModalities
        {
            /// <summary><c>text</c></summary>
            public const string Text = "text";
            /// <summary><c>image</c></summary>
            public const string Image = "image";
            /// <summary><c>audio</c></summary>
            public const string Audio = "audio";
            /// <summary><c>unknown</c>: the provider gave no breakdown, or no usage arrived (a failed call).</summary>
            public const string Unknown = "unknown";
        }

        /// <summary>Event names of v0.1.0.</summary>
        public static class Events
        {
            /// <summary><c>gen_ai.client.inference.exception</c>: the exception an inference failed with.</summary>
            public const string ClientInferenceException = "gen_ai.client.inference.exception";
        }
    }
}

namespace LlmTelemetry;

public static partial class GenAiSemanticConventions
{
    /// <summary>
    /// The names of the baseline release only: semantic-conventions-genai at <c>fe5608e</c> (2026-08-03), what
    /// Microsoft.Extensions.AI and the dashboards built on it read. Chosen with
    /// <c>&lt;LlmTelemetrySemanticConventions&gt;baseline&lt;/LlmTelemetrySemanticConventions&gt;</c>, the default.
    /// </summary>
    public static class Baseline
    {
        /// <summary>The schema URL of the baseline.</summary>
        public const string SchemaUrl = "https://opentelemetry.io/schemas/gen-ai-dev/1.42.0-dev";

        /// <summary>Metric instrument names of the baseline.</summary>
        public static class Metrics
        {
            /// <summary><c>gen_ai.client.operation.duration</c>: histogram, seconds, every operation.</summary>
            public const string ClientOperationDuration = "gen_ai.client.operation.duration";
            /// <summary><c>gen_ai.client.token.usage</c>: histogram, tokens, one point per <c>gen_ai.token.type</c>.</summary>
            public const string ClientTokenUsage = "gen_ai.client.token.usage";
            /// <summary><c>gen_ai.client.operation.time_to_first_chunk</c>: histogram, seconds (streaming).</summary>
            public const string ClientOperationTimeToFirstChunk = "gen_ai.client.operation.time_to_first_chunk";
            /// <summary><c>gen_ai.client.operation.time_per_output_chunk</c>: histogram, seconds (streaming).</summary>
            public const string ClientOperationTimePerOutputChunk = "gen_ai.client.operation.time_per_output_chunk";
        }

        /// <summary>Attribute names of the baseline that a later release renamed or removed.</summary>
        public static class Attributes
        {
            /// <summary><c>gen_ai.token.type</c> (string), the dimension of <c>gen_ai.client.token.usage</c>.</summary>
            public const string TokenType = "gen_ai.token.type";
            /// <summary><c>gen_ai.usage.cache_creation.input_tokens</c> (int): input tokens written to a provider's cache.</summary>
            public const string UsageCacheCreationInputTokens = "gen_ai.usage.cache_creation.input_tokens";
        }

        /// <summary>Values of <c>gen_ai.token.type</c>.</summary>
        public static class TokenTypes
        {
            /// <summary><c>input</c></summary>
            public const string Input = "input";
            /// <summary><c>output</c></summary>
            public const string Output = "output";
        }
    }
}

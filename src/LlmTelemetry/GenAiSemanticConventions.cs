namespace LlmTelemetry;

/// <summary>
/// The OpenTelemetry GenAI semantic-convention names LlmTelemetry emits, in one place.
/// </summary>
/// <remarks>
/// <para>This part holds the names every supported release shares. What a release renames lives in that release's
/// own nested class, <see cref="Baseline"/> or <see cref="V0_1"/>, each in a file of its own; a newer release is one
/// more such class and the rules that record it.</para>
/// <para>Generated code and the runtime refer to these constants only; no name is spelled anywhere else.</para>
/// </remarks>
public static partial class GenAiSemanticConventions
{

    /// <summary>Span and metric attribute names.</summary>
    public static class Attributes
    {
        /// <summary><c>gen_ai.operation.name</c> (string).</summary>
        public const string OperationName = "gen_ai.operation.name";
        /// <summary><c>gen_ai.provider.name</c> (string).</summary>
        public const string ProviderName = "gen_ai.provider.name";
        /// <summary><c>gen_ai.request.model</c> (string).</summary>
        public const string RequestModel = "gen_ai.request.model";
        /// <summary><c>gen_ai.request.temperature</c> (double).</summary>
        public const string RequestTemperature = "gen_ai.request.temperature";
        /// <summary><c>gen_ai.request.max_tokens</c> (int).</summary>
        public const string RequestMaxTokens = "gen_ai.request.max_tokens";
        /// <summary><c>gen_ai.request.top_p</c> (double).</summary>
        public const string RequestTopP = "gen_ai.request.top_p";
        /// <summary><c>gen_ai.request.top_k</c> (int).</summary>
        public const string RequestTopK = "gen_ai.request.top_k";
        /// <summary><c>gen_ai.request.frequency_penalty</c> (double).</summary>
        public const string RequestFrequencyPenalty = "gen_ai.request.frequency_penalty";
        /// <summary><c>gen_ai.request.presence_penalty</c> (double).</summary>
        public const string RequestPresencePenalty = "gen_ai.request.presence_penalty";
        /// <summary><c>gen_ai.request.stop_sequences</c> (string[]).</summary>
        public const string RequestStopSequences = "gen_ai.request.stop_sequences";
        /// <summary><c>gen_ai.request.seed</c> (int).</summary>
        public const string RequestSeed = "gen_ai.request.seed";
        /// <summary><c>gen_ai.request.stream</c> (boolean), set only on streaming requests.</summary>
        public const string RequestStream = "gen_ai.request.stream";
        /// <summary><c>gen_ai.request.choice.count</c> (int).</summary>
        public const string RequestChoiceCount = "gen_ai.request.choice.count";
        /// <summary><c>gen_ai.request.encoding_formats</c> (string[]).</summary>
        public const string RequestEncodingFormats = "gen_ai.request.encoding_formats";
        /// <summary><c>gen_ai.conversation.id</c> (string).</summary>
        public const string ConversationId = "gen_ai.conversation.id";
        /// <summary><c>gen_ai.output.type</c> (string).</summary>
        public const string OutputType = "gen_ai.output.type";
        /// <summary><c>gen_ai.response.model</c> (string).</summary>
        public const string ResponseModel = "gen_ai.response.model";
        /// <summary><c>gen_ai.response.id</c> (string).</summary>
        public const string ResponseId = "gen_ai.response.id";
        /// <summary><c>gen_ai.response.finish_reasons</c> (string[]).</summary>
        public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
        /// <summary><c>gen_ai.response.time_to_first_chunk</c> (double, seconds).</summary>
        public const string ResponseTimeToFirstChunk = "gen_ai.response.time_to_first_chunk";
        /// <summary><c>gen_ai.usage.input_tokens</c> (int).</summary>
        public const string UsageInputTokens = "gen_ai.usage.input_tokens";
        /// <summary><c>gen_ai.usage.output_tokens</c> (int).</summary>
        public const string UsageOutputTokens = "gen_ai.usage.output_tokens";
        /// <summary><c>gen_ai.usage.cache_read.input_tokens</c> (int).</summary>
        public const string UsageCacheReadInputTokens = "gen_ai.usage.cache_read.input_tokens";
        /// <summary><c>gen_ai.usage.reasoning.output_tokens</c> (int).</summary>
        public const string UsageReasoningOutputTokens = "gen_ai.usage.reasoning.output_tokens";
        /// <summary><c>gen_ai.embeddings.dimension.count</c> (int).</summary>
        public const string EmbeddingsDimensionCount = "gen_ai.embeddings.dimension.count";
        /// <summary><c>gen_ai.input.messages</c> (opt-in content, JSON).</summary>
        public const string InputMessages = "gen_ai.input.messages";
        /// <summary><c>gen_ai.output.messages</c> (opt-in content, JSON).</summary>
        public const string OutputMessages = "gen_ai.output.messages";
        /// <summary><c>gen_ai.system_instructions</c> (opt-in content, JSON).</summary>
        public const string SystemInstructions = "gen_ai.system_instructions";
        /// <summary><c>gen_ai.data_source.id</c> (string).</summary>
        public const string DataSourceId = "gen_ai.data_source.id";
        /// <summary><c>gen_ai.retrieval.top_k</c> (int).</summary>
        public const string RetrievalTopK = "gen_ai.retrieval.top_k";
        /// <summary><c>gen_ai.retrieval.query.text</c> (opt-in content, string).</summary>
        public const string RetrievalQueryText = "gen_ai.retrieval.query.text";
        /// <summary><c>gen_ai.retrieval.documents</c> (opt-in content, JSON array of <c>{id, score}</c>).</summary>
        public const string RetrievalDocuments = "gen_ai.retrieval.documents";
        /// <summary><c>gen_ai.evaluation.name</c> (string), on <c>gen_ai.evaluation.result</c> events.</summary>
        public const string EvaluationName = "gen_ai.evaluation.name";
        /// <summary><c>gen_ai.evaluation.score.value</c> (double).</summary>
        public const string EvaluationScoreValue = "gen_ai.evaluation.score.value";
        /// <summary><c>gen_ai.evaluation.score.label</c> (string).</summary>
        public const string EvaluationScoreLabel = "gen_ai.evaluation.score.label";
        /// <summary><c>gen_ai.evaluation.explanation</c> (string).</summary>
        public const string EvaluationExplanation = "gen_ai.evaluation.explanation";
        /// <summary><c>server.address</c> (string).</summary>
        public const string ServerAddress = "server.address";
        /// <summary><c>server.port</c> (int).</summary>
        public const string ServerPort = "server.port";
        /// <summary><c>error.type</c> (string), set only when the operation failed.</summary>
        public const string ErrorType = "error.type";
        /// <summary><c>exception.type</c> (string), on an exception event.</summary>
        public const string ExceptionType = "exception.type";
        /// <summary><c>exception.message</c> (string), on an exception event.</summary>
        public const string ExceptionMessage = "exception.message";
        /// <summary><c>exception.stacktrace</c> (string), on an exception event.</summary>
        public const string ExceptionStacktrace = "exception.stacktrace";
    }

    /// <summary>
    /// LlmTelemetry's own attributes, for what the conventions have no name for. They are namespaced
    /// <c>llm_telemetry.</c> so that they never collide with a future convention.
    /// </summary>
    public static class LlmTelemetryAttributes
    {
        /// <summary><c>llm_telemetry.retrieval.document_count</c> (int): how many documents a retrieval returned.</summary>
        public const string RetrievalDocumentCount = "llm_telemetry.retrieval.document_count";
        /// <summary><c>llm_telemetry.retrieval.best_score</c> (double): the highest score among them.</summary>
        public const string RetrievalBestScore = "llm_telemetry.retrieval.best_score";
        /// <summary><c>llm_telemetry.evaluation.passed</c> (boolean): whether an evaluation passed its guard.</summary>
        public const string EvaluationPassed = "llm_telemetry.evaluation.passed";
        /// <summary><c>llm_telemetry.guard.action</c> (string): <c>throw</c> or <c>fallback</c> when a failed guard acted on the call.</summary>
        public const string GuardAction = "llm_telemetry.guard.action";
    }

    /// <summary>LlmTelemetry's own metrics, for what the conventions have no instrument for.</summary>
    public static class LlmTelemetryMetrics
    {
        /// <summary><c>llm_telemetry.evaluation.score</c>: histogram of evaluation scores, per <c>gen_ai.evaluation.name</c>.</summary>
        public const string EvaluationScore = "llm_telemetry.evaluation.score";
        /// <summary><c>llm_telemetry.evaluation.results</c>: counter of evaluations, per name and <c>llm_telemetry.evaluation.passed</c>.</summary>
        public const string EvaluationResults = "llm_telemetry.evaluation.results";
        /// <summary><c>llm_telemetry.evaluation.dropped</c>: counter of background evaluations dropped because the queue was full.</summary>
        public const string EvaluationDropped = "llm_telemetry.evaluation.dropped";
    }

    /// <summary>Event names.</summary>
    public static class Events
    {
        /// <summary><c>gen_ai.evaluation.result</c>: one evaluation of a call's output.</summary>
        public const string EvaluationResult = "gen_ai.evaluation.result";
    }

    /// <summary>Well-known values of <c>gen_ai.operation.name</c>.</summary>
    public static class Operations
    {
        /// <summary><c>chat</c></summary>
        public const string Chat = "chat";
        /// <summary><c>text_completion</c></summary>
        public const string TextCompletion = "text_completion";
        /// <summary><c>generate_content</c></summary>
        public const string GenerateContent = "generate_content";
        /// <summary><c>embeddings</c></summary>
        public const string Embeddings = "embeddings";
        /// <summary><c>retrieval</c></summary>
        public const string Retrieval = "retrieval";
    }
}

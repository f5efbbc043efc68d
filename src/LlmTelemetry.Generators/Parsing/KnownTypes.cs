using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// The types LlmTelemetry recognises, looked up by metadata name in one compilation. Library types are
/// <see langword="null"/> when the compilation does not reference the library.
/// </summary>
internal sealed class KnownTypes
{
    public const string LlmOperationAttributeName = "LlmTelemetry.LlmOperationAttribute";
    public const string RetrievalAttributeName = "LlmTelemetry.RetrievalAttribute";

    // One lookup of ~40 metadata names per compilation, shared by the generator's methods and by the analyzers;
    // the table lets go with the compilation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, KnownTypes> s_byCompilation = new();

    /// <summary>The known types of <paramref name="compilation"/>, looked up once.</summary>
    public static KnownTypes For(Compilation compilation) => s_byCompilation.GetValue(compilation, static c => new KnownTypes(c));

    private KnownTypes(Compilation compilation)
    {
        LlmOperationAttribute = compilation.GetTypeByMetadataName(LlmOperationAttributeName);
        RetrievalAttribute = compilation.GetTypeByMetadataName(RetrievalAttributeName);
        DataSourceAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.DataSourceAttribute");
        TopKAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.TopKAttribute");
        DocumentIdAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.DocumentIdAttribute");
        DocumentScoreAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.DocumentScoreAttribute");
        EvalGuardAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.EvalGuardAttribute");
        LlmEvaluator = compilation.GetTypeByMetadataName("LlmTelemetry.ILlmEvaluator");
        MeaiEvaluator = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.Evaluation.IEvaluator");
        MeaiChatConfiguration = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.Evaluation.ChatConfiguration");
        PromptAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.PromptAttribute");
        SystemInstructionsAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.SystemInstructionsAttribute");
        ModelAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.ModelAttribute");
        InputTokensAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.InputTokensAttribute");
        OutputTokensAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.OutputTokensAttribute");
        CacheReadInputTokensAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.CacheReadInputTokensAttribute");
        ReasoningOutputTokensAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.ReasoningOutputTokensAttribute");
        ResponseModelAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.ResponseModelAttribute");
        ResponseIdAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.ResponseIdAttribute");
        FinishReasonAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.FinishReasonAttribute");
        ResponseTextAttribute = compilation.GetTypeByMetadataName("LlmTelemetry.ResponseTextAttribute");

        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        AsyncEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        AsyncEnumeratorOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerator`1");
        EnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);

        MeaiChatResponse = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatResponse");
        MeaiChatResponseUpdate = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatResponseUpdate");
        MeaiGeneratedEmbeddings = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.GeneratedEmbeddings`1");
        MeaiChatOptions = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions");
        MeaiEmbeddingGenerationOptions = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.EmbeddingGenerationOptions");
        MeaiChatMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatMessage");
        MeaiUsageDetails = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.UsageDetails");
        MeaiTextReasoningContent = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.TextReasoningContent");

        OpenAIChatCompletion = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatCompletion");
        OpenAIStreamingChatCompletionUpdate = compilation.GetTypeByMetadataName("OpenAI.Chat.StreamingChatCompletionUpdate");
        OpenAIChatCompletionOptions = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatCompletionOptions");
        OpenAIChatMessage = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatMessage");
        ClientResultOfT = compilation.GetTypeByMetadataName("System.ClientModel.ClientResult`1");

        VectorSearchResultOfT = compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorSearchResult`1");
        VectorStoreKeyAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorStoreKeyAttribute")
            ?? compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorStoreRecordKeyAttribute");

        DataClassificationAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
    }

    public INamedTypeSymbol? LlmOperationAttribute { get; }
    public INamedTypeSymbol? RetrievalAttribute { get; }
    public INamedTypeSymbol? DataSourceAttribute { get; }
    public INamedTypeSymbol? TopKAttribute { get; }
    public INamedTypeSymbol? DocumentIdAttribute { get; }
    public INamedTypeSymbol? DocumentScoreAttribute { get; }
    public INamedTypeSymbol? EvalGuardAttribute { get; }
    public INamedTypeSymbol? LlmEvaluator { get; }
    public INamedTypeSymbol? MeaiEvaluator { get; }
    public INamedTypeSymbol? MeaiChatConfiguration { get; }
    public INamedTypeSymbol? PromptAttribute { get; }
    public INamedTypeSymbol? SystemInstructionsAttribute { get; }
    public INamedTypeSymbol? ModelAttribute { get; }
    public INamedTypeSymbol? InputTokensAttribute { get; }
    public INamedTypeSymbol? OutputTokensAttribute { get; }
    public INamedTypeSymbol? CacheReadInputTokensAttribute { get; }
    public INamedTypeSymbol? ReasoningOutputTokensAttribute { get; }
    public INamedTypeSymbol? ResponseModelAttribute { get; }
    public INamedTypeSymbol? ResponseIdAttribute { get; }
    public INamedTypeSymbol? FinishReasonAttribute { get; }
    public INamedTypeSymbol? ResponseTextAttribute { get; }

    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? AsyncEnumerableOfT { get; }
    public INamedTypeSymbol? AsyncEnumeratorOfT { get; }
    public INamedTypeSymbol EnumerableOfT { get; }

    public INamedTypeSymbol? MeaiChatResponse { get; }
    public INamedTypeSymbol? MeaiChatResponseUpdate { get; }
    public INamedTypeSymbol? MeaiGeneratedEmbeddings { get; }
    public INamedTypeSymbol? MeaiChatOptions { get; }
    public INamedTypeSymbol? MeaiEmbeddingGenerationOptions { get; }
    public INamedTypeSymbol? MeaiChatMessage { get; }
    public INamedTypeSymbol? MeaiUsageDetails { get; }
    public INamedTypeSymbol? MeaiTextReasoningContent { get; }

    public INamedTypeSymbol? OpenAIChatCompletion { get; }
    public INamedTypeSymbol? OpenAIStreamingChatCompletionUpdate { get; }
    public INamedTypeSymbol? OpenAIChatCompletionOptions { get; }
    public INamedTypeSymbol? OpenAIChatMessage { get; }
    public INamedTypeSymbol? ClientResultOfT { get; }

    public INamedTypeSymbol? VectorSearchResultOfT { get; }
    public INamedTypeSymbol? VectorStoreKeyAttribute { get; }

    public INamedTypeSymbol? DataClassificationAttribute { get; }
}

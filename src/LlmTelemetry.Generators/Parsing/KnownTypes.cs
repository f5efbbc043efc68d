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
        LlmOperationAttribute = compilation.GetWellKnownType(LlmOperationAttributeName);
        RetrievalAttribute = compilation.GetWellKnownType(RetrievalAttributeName);
        DataSourceAttribute = compilation.GetWellKnownType("LlmTelemetry.DataSourceAttribute");
        TopKAttribute = compilation.GetWellKnownType("LlmTelemetry.TopKAttribute");
        DocumentIdAttribute = compilation.GetWellKnownType("LlmTelemetry.DocumentIdAttribute");
        DocumentScoreAttribute = compilation.GetWellKnownType("LlmTelemetry.DocumentScoreAttribute");
        EvalGuardAttribute = compilation.GetWellKnownType("LlmTelemetry.EvalGuardAttribute");
        LlmEvaluator = compilation.GetWellKnownType("LlmTelemetry.ILlmEvaluator");
        MeaiEvaluator = compilation.GetWellKnownType("Microsoft.Extensions.AI.Evaluation.IEvaluator");
        MeaiChatConfiguration = compilation.GetWellKnownType("Microsoft.Extensions.AI.Evaluation.ChatConfiguration");
        PromptAttribute = compilation.GetWellKnownType("LlmTelemetry.PromptAttribute");
        SystemInstructionsAttribute = compilation.GetWellKnownType("LlmTelemetry.SystemInstructionsAttribute");
        ModelAttribute = compilation.GetWellKnownType("LlmTelemetry.ModelAttribute");
        InputTokensAttribute = compilation.GetWellKnownType("LlmTelemetry.InputTokensAttribute");
        OutputTokensAttribute = compilation.GetWellKnownType("LlmTelemetry.OutputTokensAttribute");
        CacheReadInputTokensAttribute = compilation.GetWellKnownType("LlmTelemetry.CacheReadInputTokensAttribute");
        ReasoningOutputTokensAttribute = compilation.GetWellKnownType("LlmTelemetry.ReasoningOutputTokensAttribute");
        ResponseModelAttribute = compilation.GetWellKnownType("LlmTelemetry.ResponseModelAttribute");
        ResponseIdAttribute = compilation.GetWellKnownType("LlmTelemetry.ResponseIdAttribute");
        FinishReasonAttribute = compilation.GetWellKnownType("LlmTelemetry.FinishReasonAttribute");
        ResponseTextAttribute = compilation.GetWellKnownType("LlmTelemetry.ResponseTextAttribute");

        Task = compilation.GetWellKnownType("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetWellKnownType("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetWellKnownType("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetWellKnownType("System.Threading.Tasks.ValueTask`1");
        AsyncEnumerableOfT = compilation.GetWellKnownType("System.Collections.Generic.IAsyncEnumerable`1");
        AsyncEnumeratorOfT = compilation.GetWellKnownType("System.Collections.Generic.IAsyncEnumerator`1");
        EnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);

        MeaiChatResponse = compilation.GetWellKnownType("Microsoft.Extensions.AI.ChatResponse");
        MeaiChatResponseUpdate = compilation.GetWellKnownType("Microsoft.Extensions.AI.ChatResponseUpdate");
        MeaiGeneratedEmbeddings = compilation.GetWellKnownType("Microsoft.Extensions.AI.GeneratedEmbeddings`1");
        MeaiChatOptions = compilation.GetWellKnownType("Microsoft.Extensions.AI.ChatOptions");
        MeaiEmbeddingGenerationOptions = compilation.GetWellKnownType("Microsoft.Extensions.AI.EmbeddingGenerationOptions");
        MeaiChatMessage = compilation.GetWellKnownType("Microsoft.Extensions.AI.ChatMessage");
        MeaiUsageDetails = compilation.GetWellKnownType("Microsoft.Extensions.AI.UsageDetails");
        MeaiTextReasoningContent = compilation.GetWellKnownType("Microsoft.Extensions.AI.TextReasoningContent");

        OpenAIChatCompletion = compilation.GetWellKnownType("OpenAI.Chat.ChatCompletion");
        OpenAIStreamingChatCompletionUpdate = compilation.GetWellKnownType("OpenAI.Chat.StreamingChatCompletionUpdate");
        OpenAIChatCompletionOptions = compilation.GetWellKnownType("OpenAI.Chat.ChatCompletionOptions");
        OpenAIChatMessage = compilation.GetWellKnownType("OpenAI.Chat.ChatMessage");
        ClientResultOfT = compilation.GetWellKnownType("System.ClientModel.ClientResult`1");

        VectorSearchResultOfT = compilation.GetWellKnownType("Microsoft.Extensions.VectorData.VectorSearchResult`1");
        VectorStoreKeyAttribute = compilation.GetWellKnownType("Microsoft.Extensions.VectorData.VectorStoreKeyAttribute")
            ?? compilation.GetWellKnownType("Microsoft.Extensions.VectorData.VectorStoreRecordKeyAttribute");

        DataClassificationAttribute = compilation.GetWellKnownType("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
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

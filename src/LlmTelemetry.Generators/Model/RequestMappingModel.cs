namespace LlmTelemetry.Generators.Model;

/// <summary>Where an operation's request details come from among its parameters.</summary>
/// <param name="ModelParameter">The <c>[Model]</c> parameter, if any.</param>
/// <param name="Options">The request-options parameter, if any.</param>
/// <param name="Contents">The parameters that carry prompt content, in order.</param>
/// <param name="DataSourceParameter">The <c>[DataSource]</c> parameter of a retrieval, if any.</param>
/// <param name="TopK">The <c>[TopK]</c> parameter of a retrieval, if any.</param>
internal sealed record RequestMappingModel(
    string? ModelParameter,
    OptionsParameterModel? Options,
    EquatableArray<ContentParameterModel> Contents,
    string? DataSourceParameter,
    ParameterReferenceModel? TopK);

/// <summary>A parameter read by name and type.</summary>
internal sealed record ParameterReferenceModel(string Name, string Type);

/// <summary>A request-options parameter.</summary>
internal sealed record OptionsParameterModel(string Name, string Type, OptionsKind Kind);

internal enum OptionsKind
{
    /// <summary><c>Microsoft.Extensions.AI.ChatOptions</c></summary>
    MeaiChat,
    /// <summary><c>Microsoft.Extensions.AI.EmbeddingGenerationOptions</c></summary>
    MeaiEmbedding,
    /// <summary><c>OpenAI.Chat.ChatCompletionOptions</c></summary>
    OpenAIChat,
}

/// <summary>A parameter whose value is prompt content.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">The parameter type as written in generated code.</param>
/// <param name="Kind">What the value is.</param>
/// <param name="Classification">
/// An expression creating the parameter's data-classification attribute, when it has one, for example
/// <c>new global::Contoso.PrivateDataAttribute()</c>; its content is then redacted.
/// </param>
internal sealed record ContentParameterModel(string Name, string Type, ContentKind Kind, string? Classification);

internal enum ContentKind
{
    /// <summary>A <c>[Prompt]</c> string: one user message.</summary>
    PromptText,
    /// <summary>A <c>[SystemInstructions]</c> string.</summary>
    SystemInstructions,
    /// <summary>One <c>Microsoft.Extensions.AI.ChatMessage</c>.</summary>
    MeaiMessage,
    /// <summary>A collection of <c>Microsoft.Extensions.AI.ChatMessage</c>.</summary>
    MeaiMessages,
    /// <summary>One <c>OpenAI.Chat.ChatMessage</c>.</summary>
    OpenAIMessage,
    /// <summary>A collection of <c>OpenAI.Chat.ChatMessage</c>.</summary>
    OpenAIMessages,
    /// <summary>The <c>[Prompt]</c> string of a retrieval: its query text.</summary>
    RetrievalQuery,
}

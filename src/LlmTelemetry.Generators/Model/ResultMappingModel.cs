namespace LlmTelemetry.Generators.Model;

/// <summary>How the result (or each chunk of a stream) of an operation is read.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="ValueType">The type of the value read, after unwrapping a <c>ClientResult&lt;T&gt;</c>.</param>
/// <param name="UnwrapClientResult">Whether the result is a <c>System.ClientModel.ClientResult&lt;T&gt;</c> to read <c>.Value</c> of.</param>
/// <param name="CanBeNull">Whether the value can be <see langword="null"/> (a reference or nullable type).</param>
/// <param name="EmbeddingType">For embeddings, the embedding type argument of <c>GeneratedEmbeddings&lt;T&gt;</c>.</param>
/// <param name="Members">For user types, the attributed members.</param>
/// <param name="Documents">For retrievals, how documents are read.</param>
internal sealed record ResultMappingModel(
    ResultKind Kind,
    string? ValueType,
    bool UnwrapClientResult,
    bool CanBeNull,
    string? EmbeddingType,
    EquatableArray<ResultMemberModel> Members,
    DocumentMappingModel? Documents = null)
{
    public static ResultMappingModel None { get; } = new(ResultKind.None, null, false, false, null, EquatableArray<ResultMemberModel>.Empty);
}

/// <summary>How retrieved documents are read from a result or a stream.</summary>
/// <param name="Shape">How the documents are reached.</param>
/// <param name="FromVectorSearchResult">Whether each element is a Microsoft.Extensions.VectorData <c>VectorSearchResult&lt;T&gt;</c> (score on it, id on its record).</param>
/// <param name="DocumentCanBeNull">Whether the document (or the vector search result's record) is a reference type.</param>
/// <param name="IdMember">The member that identifies a document, if any.</param>
/// <param name="IdIsString">Whether that member is a string (otherwise its text is taken).</param>
/// <param name="ScoreMember">The score member of a user document, if any.</param>
internal sealed record DocumentMappingModel(
    DocumentShape Shape,
    bool FromVectorSearchResult,
    bool DocumentCanBeNull,
    string? IdMember,
    bool IdIsString,
    string? ScoreMember);

internal enum DocumentShape
{
    /// <summary>One document: a chunk of a stream.</summary>
    Single,
    /// <summary>A collection with <c>Count</c> (or <c>Length</c>) and an indexer: read by index, without an enumerator.</summary>
    Indexed,
    /// <summary>An array.</summary>
    Array,
    /// <summary>Another materialized collection, enumerated.</summary>
    Enumerated,
}

internal enum ResultKind
{
    /// <summary>Nothing is read.</summary>
    None,
    /// <summary>A string: the generated text (or a streamed piece of it).</summary>
    Text,
    /// <summary><c>Microsoft.Extensions.AI.ChatResponse</c> or a type derived from it.</summary>
    MeaiChatResponse,
    /// <summary><c>Microsoft.Extensions.AI.ChatResponseUpdate</c>, a chunk.</summary>
    MeaiChatResponseUpdate,
    /// <summary><c>Microsoft.Extensions.AI.GeneratedEmbeddings&lt;T&gt;</c>.</summary>
    MeaiEmbeddings,
    /// <summary><c>OpenAI.Chat.ChatCompletion</c>.</summary>
    OpenAIChatCompletion,
    /// <summary><c>OpenAI.Chat.StreamingChatCompletionUpdate</c>, a chunk.</summary>
    OpenAIStreamingUpdate,
    /// <summary>A user type with attributed members.</summary>
    User,
    /// <summary>Retrieved documents (see <see cref="DocumentMappingModel"/>).</summary>
    Documents,
}

/// <summary>An attributed member of a user result type.</summary>
/// <param name="Role">What the member holds.</param>
/// <param name="Name">The member name, escaped when it is a keyword.</param>
/// <param name="ValueKind">How its value is converted.</param>
/// <param name="EnumType">For an enum, its type as written in generated code.</param>
/// <param name="EnumMembers">For an enum, the names of its members with distinct values, so that names are read without boxing.</param>
internal sealed record ResultMemberModel(ResultMemberRole Role, string Name, MemberValueKind ValueKind, string? EnumType, EquatableArray<string> EnumMembers);

internal enum ResultMemberRole
{
    InputTokens,
    OutputTokens,
    CacheReadInputTokens,
    ReasoningOutputTokens,
    ResponseModel,
    ResponseId,
    FinishReason,
    ResponseText,
    DocumentId,
    DocumentScore,
}

internal enum MemberValueKind
{
    /// <summary>An integer (or a nullable integer).</summary>
    Integer,
    /// <summary>A string.</summary>
    String,
    /// <summary>An enum; its name is the value.</summary>
    Enum,
    /// <summary>A nullable enum.</summary>
    NullableEnum,
    /// <summary>A collection of strings.</summary>
    StringCollection,
    /// <summary>A number (or a nullable number), read as a double.</summary>
    Number,
    /// <summary>A value whose text is taken (an integer or a <c>Guid</c> used as an id).</summary>
    Text,
}

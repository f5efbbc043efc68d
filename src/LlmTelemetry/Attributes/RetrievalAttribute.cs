using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a <see langword="partial"/> method as a retrieval step of a RAG pipeline (a vector-store or search look-up).
/// At build time LlmTelemetry writes the method's body: a <c>retrieval {data source}</c> client span with the
/// number of documents returned and the best score, and the duration metric.
/// </summary>
/// <remarks>
/// The implementation method follows the same convention as <see cref="LlmOperationAttribute"/>
/// (<c>SearchAsync</c> → <c>SearchCoreAsync</c>). The result is read at compile time: a collection or an
/// <c>IAsyncEnumerable&lt;T&gt;</c> of a type with <see cref="DocumentIdAttribute"/> and
/// <see cref="DocumentScoreAttribute"/> members, or of Microsoft.Extensions.VectorData <c>VectorSearchResult&lt;T&gt;</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RetrievalAttribute : Attribute
{
    /// <summary>The <c>gen_ai.data_source.id</c>: the index, collection or knowledge base searched; it names the span.</summary>
    public string? DataSource { get; set; }

    /// <summary>The <c>gen_ai.provider.name</c> of a GenAI service that runs the retrieval, if any.</summary>
    public string? Provider { get; set; }

    /// <summary>The <c>gen_ai.request.model</c> that embeds the query, if known.</summary>
    public string? Model { get; set; }

    /// <summary>The name of the implementation method; use <see langword="nameof"/>.</summary>
    public string? Implementation { get; set; }

    /// <summary>The <c>server.address</c> of the search service.</summary>
    public string? ServerAddress { get; set; }

    /// <summary>The <c>server.port</c> of the search service (1–65535); 0 means not set.</summary>
    public int ServerPort { get; set; }
}

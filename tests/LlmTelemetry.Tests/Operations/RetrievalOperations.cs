using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.VectorData;

namespace LlmTelemetry.Tests.Operations;

/// <summary>A retrieved document as an application models it.</summary>
public sealed record Article([property: DocumentId] string Id, string Text, [property: DocumentScore] double Score);

/// <summary>A record of a vector store collection, keyed as Microsoft.Extensions.VectorData keys it.</summary>
public sealed class ArticleRecord
{
    [VectorStoreKey]
    public Guid Key { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>Retrieval steps in every shape the generator reads documents from.</summary>
public partial class RetrievalOperations
{
    public static readonly Article[] Articles =
    [
        new("kb-1", "Refunds take 5 business days.", 0.91),
        new("kb-2", "Refunds go to the original payment method.", 0.84),
        new("kb-3", "Shipping takes 3 to 5 days.", 0.42),
    ];

    public static readonly Guid[] RecordKeys = [Guid.Parse("6f1c2d3e-0000-4000-8000-000000000001"), Guid.Parse("6f1c2d3e-0000-4000-8000-000000000002")];

    public Exception? Failure { get; set; }

    [Retrieval(DataSource = "help-center", Provider = "azure.ai.inference", Model = "text-embedding-3-small", ServerAddress = "search.contoso.net", ServerPort = 443)]
    public partial Task<IReadOnlyList<Article>> SearchAsync([Prompt] string query, [TopK] int top = 3, CancellationToken cancellationToken = default);

    [Retrieval]
    public partial IAsyncEnumerable<VectorSearchResult<ArticleRecord>> SearchVectorsAsync([Prompt] string query, [DataSource] string collection, [TopK] int top = 5);

    [Retrieval(DataSource = "faq")]
    public partial Article[] Lookup(string query);

    [Retrieval(DataSource = "faq")]
    public partial List<Article> LookupList(string query);

    /// <summary>Returns the documents it is handed, so that a test chooses how many there are and what they are called.</summary>
    [Retrieval(DataSource = "faq")]
    public partial Article[] Pass(Article[] documents);

    private Task<IReadOnlyList<Article>> SearchCoreAsync(string query, int top, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            return Task.FromException<IReadOnlyList<Article>>(Failure);
        }

        return Task.FromResult<IReadOnlyList<Article>>(Articles.Take(top).ToArray());
    }

    private async IAsyncEnumerable<VectorSearchResult<ArticleRecord>> SearchVectorsCoreAsync(string query, string collection, int top)
    {
        for (int i = 0; i < Math.Min(top, RecordKeys.Length); i++)
        {
            await Task.Yield();
            yield return new VectorSearchResult<ArticleRecord>(new ArticleRecord { Key = RecordKeys[i], Text = "text " + i }, 0.7 - (i * 0.1));
        }
    }

    private Article[] LookupCore(string query) => query.Length == 0 ? [] : Articles;

    private Article[] PassCore(Article[] documents) => documents;

    private List<Article> LookupListCore(string query) => [.. Articles.Reverse()];
}

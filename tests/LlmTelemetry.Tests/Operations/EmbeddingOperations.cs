using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

public partial class EmbeddingOperations
{
    [LlmOperation("embeddings", Provider = "openai", Model = "text-embedding-3-small")]
    public partial Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default);

    private Task<GeneratedEmbeddings<Embedding<float>>> EmbedCoreAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(new float[] { v.Length, 1, 2, 3 }) { ModelId = "text-embedding-3-small-v2" }))
        {
            Usage = new UsageDetails { InputTokenCount = 17 },
        };
        return Task.FromResult(embeddings);
    }
}

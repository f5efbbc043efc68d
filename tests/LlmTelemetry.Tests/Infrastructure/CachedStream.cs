using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Infrastructure;

/// <summary>
/// A stream of pre-built updates that completes every step synchronously and reuses its one enumerator, so
/// that enumerating it allocates nothing: what a traced enumeration allocates is the tracing's.
/// </summary>
public sealed class CachedStream : IAsyncEnumerable<ChatResponseUpdate>, IAsyncEnumerator<ChatResponseUpdate>
{
    private readonly ChatResponseUpdate[] _updates;
    private int _index = -1;

    public CachedStream(int chunks)
    {
        _updates = new ChatResponseUpdate[chunks + 1];
        for (int i = 0; i < chunks; i++)
        {
            _updates[i] = new ChatResponseUpdate(ChatRole.Assistant, "token ") { ModelId = "gpt-4o-mini-2024-07-18" };
        }

        _updates[chunks] = new ChatResponseUpdate
        {
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(new UsageDetails { InputTokenCount = 12, OutputTokenCount = chunks })],
        };
    }

    public ChatResponseUpdate Current => _updates[_index];

    public IAsyncEnumerator<ChatResponseUpdate> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        _index = -1;
        return this;
    }

    public ValueTask<bool> MoveNextAsync() => new(++_index < _updates.Length);

    public ValueTask DisposeAsync() => default;
}

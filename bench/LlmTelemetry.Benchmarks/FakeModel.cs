using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// The same deterministic in-process model for every variant: a completed task with a fixed response and usage,
/// and a stream of cached updates that completes every step synchronously and reuses its enumerator.
/// </summary>
public sealed class FakeModel : IChatClient
{
    public const string ResponseModel = "gpt-4o-mini-2024-07-18";

    private static readonly ChatClientMetadata s_metadata = new("openai", new Uri("https://api.openai.com:443/v1"), "gpt-4o-mini");

    private readonly Task<ChatResponse> _response;
    private readonly CachedUpdates _updates;

    public FakeModel(int chunks = 100)
    {
        _response = Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Paris is the capital of France."))
        {
            ModelId = ResponseModel,
            ResponseId = "chatcmpl-123",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 34, TotalTokenCount = 46 },
        });
        _updates = new CachedUpdates(chunks);
    }

    /// <summary>When set, the response completes after yielding, to measure the path whose task is not complete.</summary>
    public bool Yield { get; set; }

    /// <summary>
    /// When set, the response stays pending until <see cref="CompletePending"/>: the pending path measured on one thread,
    /// without the thread pool's scheduling.
    /// </summary>
    public bool CompletedByCaller { get; set; }

    private TaskCompletionSource<ChatResponse>? _pending;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (CompletedByCaller)
        {
            _pending = new TaskCompletionSource<ChatResponse>();
            return _pending.Task;
        }

        return Yield ? LaterAsync() : _response;
    }

    /// <summary>Completes the response left pending by the last call, on the calling thread.</summary>
    public void CompletePending() => _pending!.SetResult(_response.Result);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        _updates;

    // Microsoft.Extensions.AI reads the provider, server and default model from this: all variants then record the same attributes.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? s_metadata : null;

    public void Dispose()
    {
    }

    private async Task<ChatResponse> LaterAsync()
    {
        await Task.Yield();
        return await _response.ConfigureAwait(false);
    }

    private sealed class CachedUpdates : IAsyncEnumerable<ChatResponseUpdate>, IAsyncEnumerator<ChatResponseUpdate>
    {
        private readonly ChatResponseUpdate[] _items;
        private int _index;

        public CachedUpdates(int chunks)
        {
            _items = new ChatResponseUpdate[chunks + 1];
            for (int i = 0; i < chunks; i++)
            {
                _items[i] = new ChatResponseUpdate(ChatRole.Assistant, "tok ") { ModelId = ResponseModel, ResponseId = "chatcmpl-123" };
            }

            _items[chunks] = new ChatResponseUpdate
            {
                ModelId = ResponseModel,
                FinishReason = ChatFinishReason.Stop,
                Contents = [new UsageContent(new UsageDetails { InputTokenCount = 12, OutputTokenCount = chunks })],
            };
        }

        public ChatResponseUpdate Current => _items[_index];

        public IAsyncEnumerator<ChatResponseUpdate> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            _index = -1;
            return this;
        }

        public ValueTask<bool> MoveNextAsync() => new(++_index < _items.Length);

        public ValueTask DisposeAsync() => default;
    }
}

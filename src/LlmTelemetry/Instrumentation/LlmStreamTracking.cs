using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Traces a streamed response: the span opens when enumeration starts and ends exactly once, when the stream
/// is exhausted, throws, is cancelled, or is disposed early by a consumer that stops reading.
/// </summary>
/// <remarks>
/// <para>Chunks pass through untouched and are not buffered; only with content capture on is their text kept,
/// to write <c>gen_ai.output.messages</c> at the end. The span is <see cref="System.Diagnostics.Activity.Current"/>
/// while the implementation starts its request (enumeration start and first chunk) and not while the consumer
/// handles chunks.</para>
/// <para>Used by generated code; not meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LlmStreamTracking
{
    /// <summary>Wraps <paramref name="stream"/> so that each enumeration of it is one traced call.</summary>
    /// <param name="stream">The implementation's stream.</param>
    /// <param name="descriptor">The operation.</param>
    /// <param name="requestModel">The model chosen at run time, if any.</param>
    /// <param name="dataSourceId">The data source chosen at run time, if any (a retrieval).</param>
    /// <param name="requestState">The arguments <paramref name="requestRecorder"/> reads.</param>
    /// <param name="requestRecorder">Records request details when the span starts, if there are any.</param>
    /// <param name="chunkRecorder">Records what each chunk carries, if the chunk type is known.</param>
    public static IAsyncEnumerable<TChunk> Track<TChunk, TState>(
        IAsyncEnumerable<TChunk> stream,
        LlmOperationDescriptor descriptor,
        string? requestModel,
        string? dataSourceId,
        TState requestState,
        LlmRequestRecorder<TState>? requestRecorder,
        LlmResultRecorder<TChunk>? chunkRecorder) =>
        new TrackedStream<TChunk, TState>(stream, descriptor, requestModel, dataSourceId, requestState, requestRecorder, chunkRecorder);

    private sealed class TrackedStream<TChunk, TState>(
        IAsyncEnumerable<TChunk> stream,
        LlmOperationDescriptor descriptor,
        string? requestModel,
        string? dataSourceId,
        TState requestState,
        LlmRequestRecorder<TState>? requestRecorder,
        LlmResultRecorder<TChunk>? chunkRecorder) : IAsyncEnumerable<TChunk>
    {
        public IAsyncEnumerator<TChunk> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var enumerator = new TrackedEnumerator<TChunk>(descriptor, requestModel, dataSourceId, chunkRecorder);
            if (requestRecorder is not null)
            {
                enumerator.Scope.RecordRequest(requestState, requestRecorder);
            }

            enumerator.Start(stream, cancellationToken);
            return enumerator;
        }
    }

    private sealed class TrackedEnumerator<TChunk> : IAsyncEnumerator<TChunk>
    {
        private readonly LlmResultRecorder<TChunk>? _chunkRecorder;
        private IAsyncEnumerator<TChunk>? _inner;
        private bool _receivedChunk;
        private bool _ended;

        public LlmOperationScope Scope;

        public TrackedEnumerator(LlmOperationDescriptor descriptor, string? requestModel, string? dataSourceId, LlmResultRecorder<TChunk>? chunkRecorder)
        {
            _chunkRecorder = chunkRecorder;
            Scope = LlmOperationScope.Start(descriptor, requestModel, dataSourceId);
        }

        public TChunk Current => _inner!.Current;

        public void Start(IAsyncEnumerable<TChunk> stream, CancellationToken cancellationToken)
        {
            try
            {
                _inner = stream.GetAsyncEnumerator(cancellationToken);
            }
            catch (Exception exception) when (Fail(exception))
            {
                throw;
            }
            finally
            {
                Scope.LeaveCurrent();
            }
        }

        public ValueTask<bool> MoveNextAsync()
        {
            // The implementation usually sends its request on the first MoveNextAsync: make the span current for
            // it, so the HTTP span is its child. Later chunks only read the response and pay nothing for this.
            bool entered = !_receivedChunk && Scope.EnterCurrent();
            ValueTask<bool> move;
            try
            {
                move = _inner!.MoveNextAsync();
            }
            catch (Exception exception) when (Fail(exception))
            {
                throw;
            }
            finally
            {
                if (entered)
                {
                    Scope.LeaveCurrent();
                }
            }

            if (move.IsCompletedSuccessfully)
            {
                return new ValueTask<bool>(OnMoved(move.Result));
            }

            return AwaitMoveNextAsync(move);
        }

#if NET6_0_OR_GREATER
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
        private async ValueTask<bool> AwaitMoveNextAsync(ValueTask<bool> move)
        {
            try
            {
                return OnMoved(await move.ConfigureAwait(false));
            }
            catch (Exception exception) when (Fail(exception))
            {
                throw;
            }
        }

        public ValueTask DisposeAsync()
        {
            // A consumer that stops early ends the call here: the span is not left open.
            if (!_ended)
            {
                _ended = true;
                Scope.Complete();
            }

            return _inner?.DisposeAsync() ?? default;
        }

        private bool OnMoved(bool hasChunk)
        {
            if (_ended)
            {
                return hasChunk;
            }

            if (!hasChunk)
            {
                _ended = true;
                Scope.Complete();
                return false;
            }

            _receivedChunk = true;
            Scope.OnChunk();
            if (_chunkRecorder is not null)
            {
                Scope.RecordResult(_inner!.Current, _chunkRecorder);
            }

            return true;
        }

        private bool Fail(Exception exception)
        {
            if (!_ended)
            {
                _ended = true;
                Scope.RecordFailure(exception);
            }

            return false;
        }
    }
}

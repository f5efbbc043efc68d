using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
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
    /// <summary>
    /// Wraps <paramref name="stream"/> so that each enumeration of it is one traced call, and, when there are
    /// <paramref name="guards"/>, one whose <c>[EvalGuard]</c>s judge what it yielded once it is read to the end.
    /// </summary>
    /// <param name="stream">The implementation's stream.</param>
    /// <param name="descriptor">The operation.</param>
    /// <param name="requestModel">The model chosen at run time, if any.</param>
    /// <param name="dataSourceId">The data source chosen at run time, if any (a retrieval).</param>
    /// <param name="requestState">The arguments <paramref name="requestRecorder"/> reads.</param>
    /// <param name="requestRecorder">Records request details when the span starts, if there are any.</param>
    /// <param name="chunkRecorder">Records what each chunk carries, if the chunk type is known.</param>
    /// <param name="guards">The guards, their evaluators and what they read, if the operation has any.</param>
    public static IAsyncEnumerable<TChunk> Track<TChunk, TState>(
        IAsyncEnumerable<TChunk> stream,
        LlmOperationDescriptor descriptor,
        string? requestModel,
        string? dataSourceId,
        TState requestState,
        LlmRequestRecorder<TState>? requestRecorder,
        LlmResultRecorder<TChunk>? chunkRecorder,
        LlmGuardedStream<TChunk>? guards = null) =>
        new TrackedStream<TChunk, TState>(stream, descriptor, requestModel, dataSourceId, requestState, requestRecorder, chunkRecorder, guards);

    private sealed class TrackedStream<TChunk, TState>(
        IAsyncEnumerable<TChunk> stream,
        LlmOperationDescriptor descriptor,
        string? requestModel,
        string? dataSourceId,
        TState requestState,
        LlmRequestRecorder<TState>? requestRecorder,
        LlmResultRecorder<TChunk>? chunkRecorder,
        LlmGuardedStream<TChunk>? guards) : IAsyncEnumerable<TChunk>
    {
        public IAsyncEnumerator<TChunk> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var enumerator = new TrackedEnumerator<TChunk>(descriptor, requestModel, dataSourceId, chunkRecorder);
            if (requestRecorder is not null)
            {
                enumerator.Scope.RecordRequest(requestState, requestRecorder);
            }

            if (guards is not null)
            {
                enumerator.Guard(guards, LlmGuarding.Select(guards.Guards, in enumerator.Scope));
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

        // Set only when a guard runs on this enumeration, so that an unguarded stream carries one field for guards.
        private GuardRun? _guardRun;

        public LlmOperationScope Scope;

        public TrackedEnumerator(LlmOperationDescriptor descriptor, string? requestModel, string? dataSourceId, LlmResultRecorder<TChunk>? chunkRecorder)
        {
            _chunkRecorder = chunkRecorder;
            Scope = LlmOperationScope.Start(descriptor, requestModel, dataSourceId);
        }

        public TChunk Current => _inner!.Current;

        private bool EndsWithGuards => _guardRun is not null && !_ended;

        public void Guard(LlmGuardedStream<TChunk> guards, int selected)
        {
            if (selected != 0)
            {
                _guardRun = new GuardRun(guards, selected);
            }
        }

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
                bool hasChunk = move.Result;
                return !hasChunk && EndsWithGuards ? EndWithGuardsAsync() : new ValueTask<bool>(OnMoved(hasChunk));
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
                bool hasChunk = await move.ConfigureAwait(false);
                return !hasChunk && EndsWithGuards ? await EndWithGuardsAsync().ConfigureAwait(false) : OnMoved(hasChunk);
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

            _guardRun?.Add(_inner!.Current);

            return true;
        }

        // The stream was read to the end: the guards judge all of it while the span is still open. Inline guards are
        // awaited before the consumer learns the stream ended; one that throws fails the call there. A consumer that
        // stops early gets no evaluation: a partial answer is not the answer.
        private async ValueTask<bool> EndWithGuardsAsync()
        {
            Scope.MarkResult();
            GuardRun run = _guardRun!;
            _guardRun = null;
            GuardViolationException? violation;
            bool entered = Scope.EnterCurrent(); // an evaluator that calls a model is a child of the call it judges
            try
            {
                (violation, _) = await LlmGuarding.EvaluateAsync(Scope, run.Guards, run.Selected, run.Text?.ToString(), run.Chunks).ConfigureAwait(false);
            }
            finally
            {
                if (entered)
                {
                    Scope.LeaveCurrent();
                }
            }

            _ended = true;
            if (violation is not null)
            {
                throw LlmGuarding.RecordViolation(ref Scope, violation);
            }

            Scope.Complete();
            return false;
        }

        // What the guards of one enumeration judge at its end: the chunks it yielded and their text.
        private sealed class GuardRun(LlmGuardedStream<TChunk> guards, int selected)
        {
            public LlmGuardedStream<TChunk> Guards { get; } = guards;

            public int Selected { get; } = selected;

            public List<TChunk> Chunks { get; } = new();

            public StringBuilder? Text { get; private set; }

            public void Add(TChunk chunk)
            {
                Chunks.Add(chunk);
                if (LlmGuarding.ReadOutput(Guards.ChunkText, chunk) is { } text)
                {
                    (Text ??= new StringBuilder()).Append(text);
                }
            }
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

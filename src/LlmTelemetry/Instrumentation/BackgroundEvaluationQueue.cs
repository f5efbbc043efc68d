using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Instrumentation;

/// <summary>An evaluation waiting for the background worker: the guard, its evaluator, what it judges and the span it judges.</summary>
internal sealed class BackgroundEvaluation(LlmGuardDescriptor guard, ILlmEvaluator evaluator, LlmEvaluationContext context, ActivityContext evaluatedSpan)
{
    public LlmGuardDescriptor Guard { get; } = guard;

    public ILlmEvaluator Evaluator { get; } = evaluator;

    public LlmEvaluationContext Context { get; } = context;

    public ActivityContext EvaluatedSpan { get; } = evaluatedSpan;
}

/// <summary>
/// The bounded queue and single worker of background guards. Enqueuing never blocks: when the queue is full the
/// evaluation is dropped and counted. Each evaluation gets a short span of its own, linked to the span it judges.
/// </summary>
internal sealed class BackgroundEvaluationQueue
{
    public static readonly BackgroundEvaluationQueue Instance = new();

    private readonly ConcurrentQueue<(BackgroundEvaluation Evaluation, CancellationToken Stop)> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private int _pending;
    private int _started;

    // Each evaluation takes the token of the time it is queued. Abandon cancels it (what is running is told to stop, what
    // is still queued is never started, even by a worker that dequeues it while Abandon runs) and puts a new one in its
    // place, so that a tracer provider built later (a test host, an application that rebuilds its telemetry) gets a
    // working queue.
    private CancellationTokenSource _stop = new();

    public int Pending => Volatile.Read(ref _pending);

    public bool Enqueue(BackgroundEvaluation evaluation)
    {
        if (Interlocked.Increment(ref _pending) > LlmTelemetrySettings.Current.BackgroundEvaluationCapacity)
        {
            Interlocked.Decrement(ref _pending);
            CountDropped(evaluation);
            return false;
        }

        _queue.Enqueue((evaluation, Volatile.Read(ref _stop).Token));
        EnsureWorker();
        _available.Release();
        return true;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gives up on what is left: the evaluation running is cancelled (its evaluator's token, and it is not waited
    /// for) and the queued ones are discarded by the worker unstarted and counted as dropped, so that no judge is
    /// called, and paid for, after the telemetry that would carry its verdict is gone. Evaluations queued afterwards run.
    /// Returns how many were running or queued.
    /// </summary>
    public int Abandon()
    {
        int abandoned = Pending;
        // Not disposed: the worker may still link to its token (a source without a timer holds nothing to release).
        Interlocked.Exchange(ref _stop, new CancellationTokenSource()).Cancel();
        return abandoned;
    }

    /// <summary>Waits, blocking, until the queue is empty or <paramref name="timeout"/> passed; whether it emptied.</summary>
    public bool Drain(TimeSpan timeout)
    {
        if (Pending == 0)
        {
            return true;
        }

        try
        {
            return FlushAsync(CancellationToken.None).Wait(timeout);
        }
        catch (AggregateException exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("draining background evaluations", exception);
            return false;
        }
    }

    // The same attributes as the other evaluation metrics, so a drop can be set beside the evaluations of its operation.
    private static void CountDropped(BackgroundEvaluation evaluation)
    {
        if (LlmTelemetryInstruments.EvaluationDropped.Enabled)
        {
            var tags = new TagList
            {
                { GenAiSemanticConventions.Attributes.EvaluationName, evaluation.Guard.Name },
                { GenAiSemanticConventions.Attributes.OperationName, evaluation.Context.OperationName },
            };
            LlmTelemetryInstruments.EvaluationDropped.Add(1, tags);
        }
    }

    private void EnsureWorker()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        // A clean execution context: the worker's spans must not become children of whichever call started it.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            await _available.WaitAsync().ConfigureAwait(false);

            if (!_queue.TryDequeue(out (BackgroundEvaluation Evaluation, CancellationToken Stop) next))
            {
                continue;
            }

            try
            {
                // Abandoned while it waited (cancelling the token may run this very loop on, inside Abandon).
                if (next.Stop.IsCancellationRequested)
                {
                    CountDropped(next.Evaluation);
                    continue;
                }

                await EvaluateAsync(next.Evaluation, next.Stop).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LlmTelemetryEventSource.Log.TelemetryFailed("a background evaluation", exception);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private static async Task EvaluateAsync(BackgroundEvaluation item, CancellationToken stop)
    {
        Activity.Current = null;
        ActivityLink[]? links = item.EvaluatedSpan == default ? null : [new ActivityLink(item.EvaluatedSpan)];
        using Activity? span = LlmTelemetryInstruments.Source.StartActivity(
            "evaluate " + item.Guard.Name,
            ActivityKind.Internal,
            parentContext: default,
            tags: [new(GenAiSemanticConventions.Attributes.EvaluationName, item.Guard.Name)],
            links: links);
        (LlmEvaluation? evaluation, string? errorType) = await LlmGuarding.EvaluateAsync(item.Evaluator, item.Context, item.Guard.Timeout, stop).ConfigureAwait(false);
        EvaluationRecording.RecordGuard(span, item.Context.OperationName, item.Guard, evaluation, errorType, item.Context.ResponseId);
    }
}

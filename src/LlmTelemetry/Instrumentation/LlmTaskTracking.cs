using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Ends the scope of a call that returned a task, when the task completes, before the caller learns that it did.
/// </summary>
/// <remarks>
/// <para>A task that is already complete is recorded at once and returned as is: no state machine, no
/// continuation. A pending task is not handed back itself: its completed state is visible before its continuations
/// run, so a caller awaiting it could go on while a continuation still recorded the call (a parent span ending before
/// its child, a test missing a span it awaited). The caller gets instead a task that completes once the call is
/// recorded, with the implementation's outcome carried over as it is: the same result, the same exception objects with
/// their stack traces, the same cancellation (exception and token). A pending <see cref="ValueTask"/> is turned into
/// its task once (it may be consumed only once) and handed back wrapped.</para>
/// <para>Used by generated code; not meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LlmTaskTracking
{
    /// <summary>Tracks a <see cref="Task"/>.</summary>
    public static Task Track(Task task, LlmOperationScope scope)
    {
        if (task.IsCompleted)
        {
            Finish(task, ref scope);
            return task;
        }

        scope.LeaveCurrent();
        return task.ContinueWith(
            static (completed, state) =>
            {
                Finish(completed, ref ((StrongBox<LlmOperationScope>)state!).Value);
                return completed;
            },
            new StrongBox<LlmOperationScope>(scope),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    /// <summary>Tracks a <see cref="Task{TResult}"/>, recording its result through <paramref name="recorder"/>.</summary>
    public static Task<TResult> Track<TResult>(Task<TResult> task, LlmOperationScope scope, LlmResultRecorder<TResult>? recorder)
    {
        if (task.IsCompleted)
        {
            Finish(task, ref scope, recorder);
            return task;
        }

        scope.LeaveCurrent();

        // Unwrap's task takes the implementation's own outcome (its exceptions' dispatch information, its cancellation)
        // once the continuation that records the call has returned it.
        return task.ContinueWith(
            static (completed, state) =>
            {
                var pending = (PendingResult<TResult>)state!;
                Finish(completed, ref pending.Scope, pending.Recorder);
                return completed;
            },
            new PendingResult<TResult>(scope, recorder),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    /// <summary>Tracks a <see cref="ValueTask"/>.</summary>
    public static ValueTask Track(ValueTask task, LlmOperationScope scope)
    {
        if (task.IsCompletedSuccessfully)
        {
            scope.Complete();
            return task;
        }

        return new ValueTask(Track(task.AsTask(), scope));
    }

    /// <summary>Tracks a <see cref="ValueTask{TResult}"/>, recording its result through <paramref name="recorder"/>.</summary>
    public static ValueTask<TResult> Track<TResult>(ValueTask<TResult> task, LlmOperationScope scope, LlmResultRecorder<TResult>? recorder)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Reading the result consumes a source-backed ValueTask, so the caller gets a new one over the value.
            TResult result = task.Result;
            scope.Complete(result, recorder);
            return new ValueTask<TResult>(result);
        }

        return new ValueTask<TResult>(Track(task.AsTask(), scope, recorder));
    }

    private static void Finish(Task task, ref LlmOperationScope scope)
    {
        if (task.IsFaulted)
        {
            RecordFault(task, ref scope);
        }
        else if (task.IsCanceled)
        {
            scope.RecordCancellation();
        }
        else
        {
            scope.Complete();
        }
    }

    private static void Finish<TResult>(Task<TResult> task, ref LlmOperationScope scope, LlmResultRecorder<TResult>? recorder)
    {
        if (task.IsFaulted)
        {
            RecordFault(task, ref scope);
        }
        else if (task.IsCanceled)
        {
            scope.RecordCancellation();
        }
        else
        {
            // The task ran to completion: Result neither blocks nor throws.
            scope.Complete(task.Result, recorder);
        }
    }

    private static void RecordFault(Task task, ref LlmOperationScope scope)
    {
        AggregateException? aggregate = task.Exception;
        Exception? exception = aggregate?.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate;
        if (exception is null)
        {
            scope.Complete();
            return;
        }

        scope.RecordFailure(exception);
    }

    private sealed class PendingResult<TResult>(LlmOperationScope scope, LlmResultRecorder<TResult>? recorder)
    {
        public LlmOperationScope Scope = scope;

        public LlmResultRecorder<TResult>? Recorder { get; } = recorder;
    }
}

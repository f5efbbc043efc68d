using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Runs the <c>[EvalGuard]</c>s of a call: picks which run (by sample rate, from the trace id), evaluates the inline
/// ones on the call's span before it ends, acts on a failure (throw or fall back), and hands background ones to the
/// evaluation queue.
/// </summary>
/// <remarks>
/// A failure of an evaluator is telemetry's failure: it is recorded (<c>error.type</c> on the event) and never thrown,
/// and it neither throws nor falls back. Only a failed verdict acts on the call. Used by generated code; not meant to
/// be called by hand.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LlmGuarding
{
    /// <summary>Passed to an instrumented body whose guards are chosen once its span started (see <see cref="Select(LlmGuardDescriptor[], in LlmOperationScope, int)"/>).</summary>
    public const int SelectAtStart = -1;

    [ThreadStatic]
    private static Random? t_random;

    /// <summary>
    /// Which guards run on this call: a bit per guard. A guard that only records is skipped when nothing would see its
    /// result; a guard that throws or falls back always runs (when sampled).
    /// </summary>
    public static int Select(LlmGuardDescriptor[] guards, in LlmOperationScope scope)
    {
        bool observable = scope.IsRecording || LlmTelemetryInstruments.EvaluationScore.Enabled || LlmTelemetryInstruments.EvaluationResults.Enabled;
        return Select(guards, observable, scope.TraceId);
    }

    /// <summary>
    /// The guards chosen for a call before it started, when nothing listened (<see cref="SelectWhenIdle"/>); for
    /// <see cref="SelectAtStart"/>, those chosen now, from the call's span.
    /// </summary>
    public static int Select(LlmGuardDescriptor[] guards, in LlmOperationScope scope, int selectedWhenIdle) =>
        selectedWhenIdle == SelectAtStart ? Select(guards, in scope) : selectedWhenIdle;

    /// <summary>
    /// Which guards run on a call that nothing listens to, before anything of it starts: only those that throw or fall
    /// back, sampled by the trace of the current activity as <see cref="Select(LlmGuardDescriptor[], in LlmOperationScope)"/>
    /// would. None lets the body call the implementation directly; otherwise the choice is handed to the instrumented
    /// body, so that a sampled call is not sampled twice.
    /// </summary>
    public static int SelectWhenIdle(LlmGuardDescriptor[] guards) =>
        Select(guards, observable: false, Activity.Current?.TraceId ?? default);

    private static int Select(LlmGuardDescriptor[] guards, bool observable, ActivityTraceId traceId)
    {
        double fraction = double.NaN;
        int selected = 0;
        for (int i = 0; i < guards.Length && i < 31; i++)
        {
            LlmGuardDescriptor guard = guards[i];
            if (guard.SampleRate <= 0 || (!guard.ActsOnCall && !observable))
            {
                continue;
            }

            if (guard.SampleRate < 1)
            {
                if (double.IsNaN(fraction))
                {
                    fraction = SampleFraction(traceId);
                }

                if (fraction >= guard.SampleRate)
                {
                    continue;
                }
            }

            selected |= 1 << i;
        }

        return selected;
    }

    /// <summary>Guards a call that returns a task: the caller gets a task that completes after the inline guards.</summary>
    public static Task<TResult> Track<TResult>(Task<TResult> task, LlmOperationScope scope, LlmResultRecorder<TResult>? recorder, LlmGuardedCall<TResult> call)
    {
        scope.LeaveCurrent();
        return GuardAsync(task, scope, recorder, call);
    }

    /// <summary>Guards a call that returns a value task.</summary>
    public static ValueTask<TResult> Track<TResult>(ValueTask<TResult> task, LlmOperationScope scope, LlmResultRecorder<TResult>? recorder, LlmGuardedCall<TResult> call) =>
        new(Track(task.AsTask(), scope, recorder, call));

    /// <summary>Guards a synchronous call; evaluators that do not complete at once are waited for.</summary>
    public static TResult Complete<TResult>(TResult result, ref LlmOperationScope scope, LlmResultRecorder<TResult>? recorder, LlmGuardedCall<TResult> call) =>
        GuardAsync(Task.FromResult(result), scope, recorder, call).GetAwaiter().GetResult();

    /// <summary>Reports a failure of generated guard code (reading an evaluator member) instead of throwing it.</summary>
    public static void ReportFailure(Exception exception) =>
        LlmTelemetryEventSource.Log.TelemetryFailed("reading an evaluator", exception);

    private static async Task<TResult> GuardAsync<TResult>(Task<TResult> task, LlmOperationScope scope, LlmResultRecorder<TResult>? recorder, LlmGuardedCall<TResult> call)
    {
        TResult result;
        try
        {
            result = await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (scope.RecordFailure(exception))
        {
            throw;
        }

        scope.RecordResult(result, recorder);
        scope.MarkResult();
        GuardViolationException? violation;
        bool fallBack;
        bool entered = scope.EnterCurrent(); // an evaluator that calls a model is a child of the call it judges
        try
        {
            (violation, fallBack) = await EvaluateAsync(scope, call, call.Selected, ReadOutput(call.Output, result), result).ConfigureAwait(false);
            if (violation is null && fallBack && call.Fallback is not null)
            {
                scope.SetTag(GenAiSemanticConventions.LlmTelemetryAttributes.GuardAction, "fallback");
                result = await call.Fallback().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (scope.RecordFailure(exception))
        {
            throw; // the fallback method failed: that is the call's failure
        }
        finally
        {
            if (entered)
            {
                scope.LeaveCurrent();
            }
        }

        if (violation is not null)
        {
            throw RecordViolation(ref scope, violation);
        }

        scope.Complete();
        return result;
    }

    /// <summary>
    /// Runs the selected guards of a call whose result arrived: inline ones are awaited and recorded on the call's span,
    /// background ones queued. Returns the violation of the first failed guard that throws, and whether one falls back.
    /// </summary>
    internal static async ValueTask<(GuardViolationException? Violation, bool FallBack)> EvaluateAsync(
        LlmOperationScope scope, LlmGuardSet guards, int selected, string? output, object? result)
    {
        GuardViolationException? violation = null;
        bool fallBack = false;
        for (int i = 0; i < guards.Guards.Length; i++)
        {
            if ((selected & (1 << i)) == 0 || guards.Evaluator(i) is not { } evaluator)
            {
                continue;
            }

            LlmGuardDescriptor guard = guards.Guards[i];
            var context = new LlmEvaluationContext(guard.Name, scope.OperationName, guards.Input, output, result, scope.ResponseId, guard.Threshold, guards.Request);
            if (guard.Mode == GuardMode.Background)
            {
                BackgroundEvaluationQueue.Instance.Enqueue(new BackgroundEvaluation(guard, evaluator, context, scope.SpanContext));
                continue;
            }

            (LlmEvaluation? evaluation, string? errorType) = await EvaluateAsync(evaluator, context, guard.Timeout).ConfigureAwait(false);
            scope.AddEvaluation(guard, evaluation, errorType);
            if (evaluation is null || violation is not null || fallBack || guard.Failure(evaluation) is not { } failure)
            {
                continue;
            }

            if (guard.Action == GuardAction.Throw)
            {
                violation = new GuardViolationException(failure.Name ?? guard.Name, failure);
            }
            else if (guard.Action == GuardAction.Fallback)
            {
                fallBack = true;
            }
        }

        return (violation, fallBack);
    }

    /// <summary>Ends the call with the violation of a guard that throws, as the call's failure; returns it to throw.</summary>
    internal static GuardViolationException RecordViolation(ref LlmOperationScope scope, GuardViolationException violation)
    {
        scope.SetTag(GenAiSemanticConventions.LlmTelemetryAttributes.GuardAction, "throw");
        scope.RecordFailure(violation);
        return violation;
    }

    // An evaluator that throws or runs past the timeout costs the call its verdict, never its result. The timer starts only
    // for an evaluator that did not finish at once; one that ignores its token is not waited for (it runs on, unobserved).
    // 'stop' is cancelled when the evaluation is abandoned (a background one at shutdown): then too the evaluator's token
    // is cancelled and it is not waited for.
    internal static async ValueTask<(LlmEvaluation? Evaluation, string? ErrorType)> EvaluateAsync(
        ILlmEvaluator evaluator, LlmEvaluationContext context, TimeSpan timeout, CancellationToken stop = default)
    {
        using CancellationTokenSource cancellation = stop.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(stop) : new CancellationTokenSource();
        try
        {
            ValueTask<LlmEvaluation> pending = evaluator.EvaluateAsync(context, cancellation.Token);
            if (pending.IsCompleted || (timeout == Timeout.InfiniteTimeSpan && !stop.CanBeCanceled))
            {
                return (await pending.ConfigureAwait(false), null);
            }

            Task<LlmEvaluation> evaluation = pending.AsTask();
            Task first = await Task.WhenAny(evaluation, Task.Delay(timeout, cancellation.Token)).ConfigureAwait(false);
            cancellation.Cancel(); // ends the timer, or tells the evaluator that its time is up
            if (first == evaluation)
            {
                return (await evaluation.ConfigureAwait(false), null);
            }

            _ = evaluation.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return stop.IsCancellationRequested ? Abandoned(context) : TimedOut(context, timeout);
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed($"evaluating '{context.EvaluationName}'", exception);
            return (null, exception.GetType().FullName);
        }
    }

    private static (LlmEvaluation? Evaluation, string? ErrorType) Abandoned(LlmEvaluationContext context)
    {
        var exception = new OperationCanceledException($"The evaluation '{context.EvaluationName}' was abandoned at shutdown.");
        LlmTelemetryEventSource.Log.TelemetryFailed($"evaluating '{context.EvaluationName}'", exception);
        return (null, typeof(OperationCanceledException).FullName);
    }

    private static (LlmEvaluation? Evaluation, string? ErrorType) TimedOut(LlmEvaluationContext context, TimeSpan timeout)
    {
        var exception = new TimeoutException($"The evaluator of '{context.EvaluationName}' did not finish within {timeout}.");
        LlmTelemetryEventSource.Log.TelemetryFailed($"evaluating '{context.EvaluationName}'", exception);
        return (null, typeof(TimeoutException).FullName);
    }

    /// <summary>Reads the generated text of a result or a chunk for the evaluators; a reader that throws costs the text, never the call.</summary>
    internal static string? ReadOutput<T>(Func<T, string?>? reader, T value)
    {
        try
        {
            return reader?.Invoke(value);
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("reading the output to evaluate", exception);
            return null;
        }
    }

    // The same fraction for every call of a trace, so that a sampled trace is evaluated end to end.
    private static double SampleFraction(ActivityTraceId traceId)
    {
        if (traceId == default)
        {
            return (t_random ??= new Random()).NextDouble();
        }

        Span<byte> bytes = stackalloc byte[16];
        traceId.CopyTo(bytes);
        ulong value = 0;
        for (int i = 8; i < 16; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return (value >> 11) * (1.0 / (1UL << 53));
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>
/// A caller that awaits a call resumes only after the call's span ended, whatever the call's outcome: a task's completed
/// state is visible before its continuations run, so a span ended by a continuation could still be open when the caller
/// went on (its parent could end first, and a test reading exported spans after an await could miss it).
/// </summary>
public sealed class CompletionOrderTests
{
    public enum Outcome
    {
        Result,
        Failure,
        Cancellation,
    }

    public enum Shape
    {
        TaskOfT,
        Task,
        ValueTaskOfT,
    }

    [Theory]
    [InlineData(Shape.TaskOfT, Outcome.Result)]
    [InlineData(Shape.TaskOfT, Outcome.Failure)]
    [InlineData(Shape.TaskOfT, Outcome.Cancellation)]
    [InlineData(Shape.Task, Outcome.Result)]
    [InlineData(Shape.Task, Outcome.Failure)]
    [InlineData(Shape.ValueTaskOfT, Outcome.Result)]
    [InlineData(Shape.ValueTaskOfT, Outcome.Failure)]
    public async Task A_caller_awaiting_a_pending_call_resumes_after_its_span_ended(Shape shape, Outcome outcome)
    {
        using var capture = new TelemetryCapture();
        using Activity? caller = TestParentSource.Source.StartActivity("caller");
        var implementation = new TaskCompletionSource<Completion>();
        using var held = new ManualResetEventSlim();
        // Registered before the call's own continuation, so it runs first: the thread that completes the implementation's
        // task is held after the task shows as completed and before anything else learns of it.
        _ = implementation.Task.ContinueWith(_ => held.Wait(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var operations = new HandedTaskOperations { Reply = implementation.Task };

        Task call = Call(operations, shape);
        Task completing = Task.Run(() => End(implementation, outcome));
        Assert.True(SpinWait.SpinUntil(() => implementation.Task.IsCompleted, TimeSpan.FromSeconds(10)));

        // The caller awaits while the implementation's task has completed and the completing thread is held.
        Task<int> spansWhenResumed = SpansWhenResumedAsync(call, capture, caller!);
        held.Set();
        await completing;

        Assert.Equal(1, await spansWhenResumed);
    }

    private static Task Call(HandedTaskOperations operations, Shape shape) => shape switch
    {
        Shape.TaskOfT => operations.ReplyAsync("Hi"),
        Shape.Task => operations.SendAsync("Hi"),
        _ => operations.ReplyValueAsync("Hi").AsTask(),
    };

    private static void End(TaskCompletionSource<Completion> implementation, Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Result:
                implementation.SetResult(new Completion("done"));
                break;
            case Outcome.Failure:
                implementation.SetException(new InvalidOperationException("the model failed"));
                break;
            default:
                implementation.SetCanceled();
                break;
        }
    }

    // How many of the caller's child spans had ended when it went on after its await, however the call ended.
    private static async Task<int> SpansWhenResumedAsync(Task call, TelemetryCapture capture, Activity caller)
    {
        try
        {
            await call;
        }
        catch (InvalidOperationException)
        {
        }
        catch (OperationCanceledException)
        {
        }

        return capture.OperationSpans.Count(span => span.ParentSpanId == caller.SpanId);
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Telemetry never changes what a call does: same value, same task, same exception, same cancellation.</summary>
public sealed class BehaviourPreservationTests
{
    [Fact]
    public async Task A_completed_task_is_returned_itself()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations();

        Task<Completion> task = operations.CompleteAsync("Hi");

        Assert.Same(operations.LastTask, task);
        await task;
        Assert.Single(capture.OperationSpans);
    }

    [Fact]
    public async Task A_pending_task_is_handed_back_as_one_that_completes_with_the_implementations_result()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { Pending = true };

        Task<Completion> task = operations.CompleteAsync("Hi");

        // Not the implementation's own task, whose completion a caller could see before the span ended (CompletionOrderTests).
        Assert.NotSame(operations.LastTask, task);
        Assert.Same(await (Task<Completion>)operations.LastTask!, await task);
        Assert.Single(capture.OperationSpans);
    }

    [Fact]
    public void A_synchronous_exception_is_the_same_object_with_its_original_stack()
    {
        using var capture = new TelemetryCapture();
        var failure = new InvalidOperationException("no");
        var operations = new ShapeOperations { Failure = failure };

        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => operations.Complete("Hi"));

        Assert.Same(failure, thrown);
        Assert.Contains("ShapeOperations.Produce", thrown.StackTrace);
        Assert.Equal("System.InvalidOperationException", capture.SingleSpan().GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_faulted_task_fails_with_the_implementations_own_exception_and_stack()
    {
        using var capture = new TelemetryCapture();
        var failure = new InvalidOperationException("no");
        var operations = new ShapeOperations { Failure = failure, Pending = true };

        Task<Completion> task = operations.CompleteAsync("Hi");
        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => task);

        Assert.Same(failure, thrown);
        Assert.Same(failure, task.Exception!.InnerException);
        Assert.Equal(ActivityStatusCode.Error, capture.SingleSpan().Status);

        // Awaited through the call or through the implementation's own task, the exception has the same stack trace.
        string? throughTheCall = await StackTraceWhenAwaitedAsync(task);
        Assert.Contains("ShapeOperations.Produce", throughTheCall);
        Assert.Equal(await StackTraceWhenAwaitedAsync(operations.LastTask!), throughTheCall);
    }

    [Fact]
    public async Task A_value_task_failure_is_the_same_exception()
    {
        using var capture = new TelemetryCapture();
        var failure = new TimeoutException();

        Exception thrown = await Assert.ThrowsAsync<TimeoutException>(async () => await new ShapeOperations { Failure = failure, Pending = true }.CompleteValueAsync("Hi"));

        Assert.Same(failure, thrown);
        Assert.Equal("System.TimeoutException", capture.SingleSpan().GetTagItem("error.type"));
    }

    [Fact]
    public async Task Cancellation_cancels_the_returned_task_and_marks_the_span()
    {
        using var capture = new TelemetryCapture();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var operations = new ShapeOperations { Pending = true };
        Task<Completion> task = operations.CompleteAsync("Hi", cancellation.Token);

        OperationCanceledException cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
        OperationCanceledException own = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operations.LastTask!);
        Assert.Same(own, cancelled);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.Threading.Tasks.TaskCanceledException", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Nothing_listening_the_implementation_runs_unchanged()
    {
        var operations = new ShapeOperations { Pending = true };

        Task<Completion> task = operations.CompleteAsync("Hi");

        Assert.Same(operations.LastTask, task);
        Assert.Same(operations.LastResult ?? await task, await task);
    }

    [Fact]
    public async Task The_span_is_current_inside_the_implementation_and_not_after_the_call_returns()
    {
        using var capture = new TelemetryCapture();
        var client = new CurrentActivityRecordingClient();
        var operations = new ChatOperations(client);
        using Activity? parent = TestParentSource.Source.StartActivity("request");

        Task<ChatResponse> task = operations.AnswerAsync("Hi");

        Assert.Same(parent, Activity.Current); // the caller goes on outside the span, though the call is pending
        await task;
        Assert.Same(parent, Activity.Current);
        Activity span = capture.SingleSpan();
        Assert.Same(span, client.CurrentDuringCall);
        Assert.Equal(parent!.SpanId, span.ParentSpanId);
    }

    [Fact]
    public void A_failure_inside_telemetry_does_not_reach_the_caller()
    {
        using var capture = new TelemetryCapture();

        FaultyUsage result = new FaultyResultOperations().Complete("Hi");

        Assert.Equal("fine", result.Text);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("gen_ai.usage.input_tokens"));
    }

    [Fact]
    public void A_listener_that_throws_when_the_span_stops_neither_reaches_the_caller_nor_leaves_the_span_current() =>
        AssertCallSurvivesBrokenListener(throwOnStart: false);

    [Fact]
    public void A_listener_that_throws_when_the_span_starts_neither_reaches_the_caller_nor_leaves_a_span_current() =>
        AssertCallSurvivesBrokenListener(throwOnStart: true);

    // Another library's listener with a bug, throwing only for this test's span so that nothing else sees it: the call
    // returns its result, the caller's span is current again, and the span and the call's metrics are still recorded.
    private static void AssertCallSurvivesBrokenListener(bool throwOnStart)
    {
        using var capture = new TelemetryCapture();
        using Activity? parent = TestParentSource.Source.StartActivity("request");
        ActivitySpanId parentSpanId = parent!.SpanId;
        Action<Activity> throwForThisTest = span =>
        {
            if (span.ParentSpanId == parentSpanId)
            {
                throw new InvalidOperationException("a listener's bug");
            }
        };
        using var broken = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == "LlmTelemetry",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = throwOnStart ? throwForThisTest : null,
            ActivityStopped = throwOnStart ? null : throwForThisTest,
        };
        ActivitySource.AddActivityListener(broken);

        Completion result = new ShapeOperations().Complete("Hi");

        Assert.Equal("echo: Hi", result.Text);
        Assert.Same(parent, Activity.Current);
        Assert.Equal(parentSpanId, capture.SingleSpan().ParentSpanId);
        MetricPoint duration = Assert.Single(TelemetryCapture.Points(capture.Metric(TelemetryCapture.InferenceDurationMetric)));
        Assert.Equal(1, duration.GetHistogramCount());
    }

    // The same frames await either task here, so any difference in the traces is in what each task carried.
    private static async Task<string?> StackTraceWhenAwaitedAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception exception)
        {
            return exception.StackTrace;
        }

        return null;
    }

    /// <summary>Notes <see cref="Activity.Current"/> while the model call runs, and answers later.</summary>
    private sealed class CurrentActivityRecordingClient : IChatClient
    {
        public Activity? CurrentDuringCall { get; private set; }

        public async Task<ChatResponse> GetResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            CurrentDuringCall = Activity.Current;
            await Task.Delay(10, cancellationToken);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        }

        public System.Collections.Generic.IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

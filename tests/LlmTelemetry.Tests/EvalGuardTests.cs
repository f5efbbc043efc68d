using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>[EvalGuard]: evaluations recorded on the judged span, and guards that throw, fall back, sample or run in the background.</summary>
public sealed class EvalGuardTests
{
    [Fact]
    public async Task Inline_guards_add_evaluation_events_to_the_span_they_judge()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();

        ChatResponse response = await new GuardedOperations(new FakeChatClient(), judge).AnswerAsync("Capital of France?");

        Assert.Equal("Paris is the capital of France.", response.Text);
        Activity span = capture.SingleSpan();
        ActivityEvent[] events = span.Events.Where(e => e.Name == "gen_ai.evaluation.result").ToArray();
        Assert.Equal(2, events.Length);
        Dictionary<string, object?> groundedness = Tags(events[0]);
        Assert.Equal("groundedness", groundedness["gen_ai.evaluation.name"]);
        Assert.Equal(0.9, groundedness["gen_ai.evaluation.score.value"]);
        Assert.Equal("pass", groundedness["gen_ai.evaluation.score.label"]);
        Assert.Equal("mentions Paris", groundedness["gen_ai.evaluation.explanation"]);
        Assert.Equal(FakeChatClient.ResponseId, groundedness["gen_ai.response.id"]);
        Assert.Equal("relevant", Tags(events[1])["gen_ai.evaluation.score.label"]);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        LlmEvaluationContext seen = Assert.Single(judge.Seen);
        Assert.Equal("relevance", seen.EvaluationName);
        Assert.Equal("chat", seen.OperationName);
        Assert.Equal("Capital of France?", seen.Input);
        Assert.Equal("Paris is the capital of France.", seen.Output);
        Assert.Same(response, seen.Result);
        Assert.Equal(FakeChatClient.ResponseId, seen.ResponseId);
    }

    [Fact]
    public async Task A_score_under_the_threshold_fails_and_a_recording_guard_returns_the_answer_anyway()
    {
        using var capture = new TelemetryCapture();

        ChatResponse response = await new GuardedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge()).AnswerAsync("Capital of France?");

        Assert.Equal("It is Lyon.", response.Text);
        Dictionary<string, object?> groundedness = Tags(capture.SingleSpan().Events.First(e => e.Name == "gen_ai.evaluation.result"));
        Assert.Equal(0.2, groundedness["gen_ai.evaluation.score.value"]);
        Assert.Equal("fail", groundedness["gen_ai.evaluation.score.label"]);

        Metric results = capture.Metric("llm_telemetry.evaluation.results");
        MetricPoint failed = TelemetryCapture.Points(results).Single(p => (string?)TelemetryCapture.Tags(p)["gen_ai.evaluation.name"] == "groundedness");
        Assert.Equal(false, TelemetryCapture.Tags(failed)["llm_telemetry.evaluation.passed"]);
        Assert.Equal(1, failed.GetSumLong());
        MetricPoint score = TelemetryCapture.Points(capture.Metric("llm_telemetry.evaluation.score")).Single(p => (string?)TelemetryCapture.Tags(p)["gen_ai.evaluation.name"] == "groundedness");
        Assert.Equal(0.2, score.GetHistogramSum());
    }

    [Fact]
    public async Task A_throwing_guard_throws_a_guard_violation_and_fails_the_span()
    {
        using var capture = new TelemetryCapture();

        GuardViolationException violation = await Assert.ThrowsAsync<GuardViolationException>(
            () => new GuardedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge()).StrictAnswerAsync("Capital of France?"));

        Assert.Equal("groundedness", violation.EvaluationName);
        Assert.Equal(0.2, violation.Evaluation.Score);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("LlmTelemetry.GuardViolationException", span.GetTagItem("error.type"));
        Assert.Equal("throw", span.GetTagItem("llm_telemetry.guard.action"));
        Assert.Single(span.Events, e => e.Name == "gen_ai.evaluation.result");
    }

    [Fact]
    public async Task A_throwing_guard_runs_even_when_nothing_listens()
    {
        await Assert.ThrowsAsync<GuardViolationException>(
            () => new GuardedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge()).StrictAnswerAsync("Capital of France?"));

        ChatResponse passed = await new GuardedOperations(new FakeChatClient(), new RecordingJudge()).StrictAnswerAsync("Capital of France?");
        Assert.Equal("Paris is the capital of France.", passed.Text);
    }

    [Fact]
    public void A_falling_back_guard_falls_back_even_when_nothing_listens()
    {
        string answer = new GuardedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge()).Answer("Capital of France?");

        Assert.Equal("I am not sure; let me find a human.", answer);
    }

    [Fact]
    public async Task With_nothing_listening_a_guard_that_acts_is_sampled_once_per_call()
    {
        var operations = new GuardedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge());
        int thrown = 0;
        for (int call = 0; call < 400; call++)
        {
            try
            {
                await operations.HalfStrictAnswerAsync("Capital of France?");
            }
            catch (GuardViolationException)
            {
                thrown++;
            }
        }

        // SampleRate = 0.5 (200 ± 10 expected); a call sampled before it starts and again inside would throw a quarter of the time.
        Assert.InRange(thrown, 140, 260);
    }

    [Fact]
    public void A_falling_back_guard_returns_the_fallbacks_answer()
    {
        using var capture = new TelemetryCapture();

        string answer = new GuardedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge()).Answer("Capital of France?");

        Assert.Equal("I am not sure; let me find a human.", answer);
        Activity span = capture.SingleSpan();
        Assert.Equal("fallback", span.GetTagItem("llm_telemetry.guard.action"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_broken_evaluator_is_recorded_and_neither_throws_nor_acts()
    {
        using var capture = new TelemetryCapture();

        ChatResponse response = await new GuardedOperations(new FakeChatClient(), new RecordingJudge()).BrokenJudgeAsync("Capital of France?");

        Assert.Equal("Paris is the capital of France.", response.Text);
        Dictionary<string, object?> evaluation = Tags(Assert.Single(capture.SingleSpan().Events, e => e.Name == "gen_ai.evaluation.result"));
        Assert.Equal("System.InvalidOperationException", evaluation["error.type"]);
        Assert.False(evaluation.ContainsKey("gen_ai.evaluation.score.value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_evaluator_that_runs_past_the_timeout_costs_the_verdict_not_the_call(bool honoursCancellation)
    {
        using var capture = new TelemetryCapture(configure: static o => o.EvaluationTimeout = TimeSpan.FromMilliseconds(200));
        // The judge never answers; with Threshold = 0.9 its 0.8 would fail the guard, and the guard throws on failure.
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), HonoursCancellation = honoursCancellation };

        ChatResponse response = await new GuardedOperations(new FakeChatClient(), judge).SlowJudgeAsync("Capital of France?").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Paris is the capital of France.", response.Text);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Dictionary<string, object?> evaluation = Tags(Assert.Single(span.Events, e => e.Name == "gen_ai.evaluation.result"));
        Assert.Equal("slow", evaluation["gen_ai.evaluation.name"]);
        Assert.Equal("System.TimeoutException", evaluation["error.type"]);
        Assert.False(evaluation.ContainsKey("gen_ai.evaluation.score.value"));
        if (honoursCancellation)
        {
            // The token is cancelled when the guard gives up; the judge notices on its own thread.
            var noticed = Stopwatch.StartNew();
            while (!judge.WasCancelled && noticed.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }
        }

        Assert.Equal(honoursCancellation, judge.WasCancelled); // the token told it to stop
        judge.Gate.SetResult(); // a judge that ignored its token finishes later, unobserved, without effect
        Assert.Single(capture.SingleSpan().Events, e => e.Name == "gen_ai.evaluation.result");
    }

    [Fact]
    public async Task A_guard_s_own_timeout_wins_over_the_options()
    {
        using var capture = new TelemetryCapture(); // EvaluationTimeout stays 30 s; the guard allows 100 ms
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

        ChatResponse response = await new GuardedOperations(new FakeChatClient(), judge).QuickJudgeAsync("Capital of France?").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Paris is the capital of France.", response.Text);
        Dictionary<string, object?> evaluation = Tags(Assert.Single(capture.SingleSpan().Events, e => e.Name == "gen_ai.evaluation.result"));
        Assert.Equal("quick", evaluation["gen_ai.evaluation.name"]);
        Assert.Equal("System.TimeoutException", evaluation["error.type"]);
        judge.Gate.SetResult();
    }

    [Fact]
    public void The_evaluation_timeout_is_positive_or_infinite()
    {
        var options = new LlmTelemetryOptions();
        Assert.Equal(TimeSpan.FromSeconds(30), options.EvaluationTimeout);
        options.EvaluationTimeout = System.Threading.Timeout.InfiniteTimeSpan;
        Assert.Throws<ArgumentOutOfRangeException>(() => options.EvaluationTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.EvaluationTimeout = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public async Task A_background_guard_never_holds_the_caller_and_reports_on_a_linked_span()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

        ChatResponse response = await new GuardedOperations(new FakeChatClient(), judge).BackgroundAsync("Capital of France?");

        Assert.Equal("Paris is the capital of France.", response.Text); // returned while the judge is still held back
        Activity evaluated = capture.SingleSpan();
        Assert.DoesNotContain(evaluated.Events, e => e.Name == "gen_ai.evaluation.result");
        Assert.Equal(1, LlmEvaluations.Pending);

        judge.Gate.SetResult();
        await LlmEvaluations.FlushAsync();

        Activity evaluation = Assert.Single(capture.OperationSpans, s => s.DisplayName == "evaluate background-relevance");
        Assert.Equal(evaluated.Context, Assert.Single(evaluation.Links).Context);
        Assert.NotEqual(evaluated.TraceId, evaluation.TraceId);
        Assert.Equal("relevant", Tags(Assert.Single(evaluation.Events))["gen_ai.evaluation.score.label"]);
        Assert.Equal(0, LlmEvaluations.Pending);
    }

    [Fact]
    public async Task Disposing_the_tracer_provider_waits_for_queued_background_evaluations_and_exports_them()
    {
        var capture = new TelemetryCapture();
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await new GuardedOperations(new FakeChatClient(), judge).BackgroundAsync("Capital of France?");
        _ = Task.Run(async () =>
        {
            await Task.Delay(200);
            judge.Gate.SetResult(); // the judge answers while the application shuts down
        });

        capture.Dispose();

        Assert.Equal(0, LlmEvaluations.Pending);
        Activity evaluation = Assert.Single(capture.Spans, s => s.DisplayName == "evaluate background-relevance");
        Assert.Equal("relevant", Tags(Assert.Single(evaluation.Events))["gen_ai.evaluation.score.label"]);
    }

    [Fact]
    public async Task Background_evaluations_left_when_the_shutdown_wait_runs_out_are_cancelled_and_never_run()
    {
        var capture = new TelemetryCapture(configure: options => options.BackgroundEvaluationShutdownTimeout = TimeSpan.FromMilliseconds(100));
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), HonoursCancellation = true };
        var operations = new GuardedOperations(new FakeChatClient(), judge);
        for (int i = 0; i < 3; i++)
        {
            await operations.BackgroundAsync("Capital of France?"); // one running, held by the judge; two queued behind it
        }

        using var deadline = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
        await judge.Entered.Task.WaitAsync(deadline.Token); // the worker has taken the first one (on a loaded machine it may not have yet)

        capture.Dispose(); // waits 100 ms, then gives up on all three

        await LlmEvaluations.FlushAsync(deadline.Token); // the running one ends at once, not at its 30 s time limit
        judge.Gate.SetResult();
        await Task.Delay(50);

        Assert.True(judge.WasCancelled);
        Assert.Single(judge.Seen); // the queued ones were discarded, not judged later at a cost
        Assert.Equal(0, LlmEvaluations.Pending);

        // A tracer provider built afterwards has a working queue.
        using var next = new TelemetryCapture();
        var later = new RecordingJudge();
        await new GuardedOperations(new FakeChatClient(), later).BackgroundAsync("Capital of France?");
        await LlmEvaluations.FlushAsync(deadline.Token);
        Assert.Single(later.Seen);
        Assert.Contains(next.OperationSpans, span => span.DisplayName == "evaluate background-relevance");
    }

    [Fact]
    public async Task A_full_background_queue_drops_evaluations_and_counts_them()
    {
        using var capture = new TelemetryCapture(configure: options => options.BackgroundEvaluationCapacity = 1);
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var operations = new GuardedOperations(new FakeChatClient(), judge);

        for (int i = 0; i < 3; i++)
        {
            await operations.BackgroundAsync("Capital of France?");
        }

        judge.Gate.SetResult();
        await LlmEvaluations.FlushAsync();

        Assert.Single(judge.Seen);
        MetricPoint dropped = Assert.Single(TelemetryCapture.Points(capture.Metric("llm_telemetry.evaluation.dropped")));
        Assert.Equal(2, dropped.GetSumLong());
        AssertDroppedFrom(dropped, "background-relevance", "chat");
    }

    [Fact]
    public async Task Background_evaluations_discarded_at_shutdown_are_counted_with_their_operation()
    {
        // The meter provider outlives the tracer provider, so the evaluations discarded when tracing shuts down are counted.
        using var metrics = new TelemetryCapture(traces: false);
        var tracing = new TelemetryCapture(metrics: false, configure: options => options.BackgroundEvaluationShutdownTimeout = TimeSpan.Zero);
        var judge = new RecordingJudge { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), HonoursCancellation = true };
        var operations = new GuardedOperations(new FakeChatClient(), judge);
        for (int i = 0; i < 3; i++)
        {
            await operations.BackgroundAsync("Capital of France?"); // one running, held by the judge; two queued behind it
        }

        using var deadline = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
        await judge.Entered.Task.WaitAsync(deadline.Token);

        tracing.Dispose(); // gives up at once: the running one is cancelled, the queued two are discarded
        await LlmEvaluations.FlushAsync(deadline.Token);

        MetricPoint dropped = Assert.Single(TelemetryCapture.Points(metrics.Metric("llm_telemetry.evaluation.dropped")));
        Assert.Equal(2, dropped.GetSumLong());
        AssertDroppedFrom(dropped, "background-relevance", "chat");
    }

    [Fact]
    public async Task Sampling_is_decided_once_per_trace()
    {
        using var capture = new TelemetryCapture();
        var operations = new GuardedOperations(new FakeChatClient(), new RecordingJudge());
        int evaluatedTraces = 0;

        for (int trace = 0; trace < 200; trace++)
        {
            using (TestParentSource.Source.StartActivity("request"))
            {
                await operations.SampledAsync("Capital of France?");
                await operations.SampledAsync("And of Italy?");
            }

            int[] perCall = capture.OperationSpans.TakeLast(2).Select(s => s.Events.Count(e => e.Name == "gen_ai.evaluation.result")).ToArray();
            Assert.Equal(perCall[0], perCall[1]); // both calls of a trace, or neither
            evaluatedTraces += perCall[0];
        }

        Assert.DoesNotContain(capture.OperationSpans.SelectMany(s => s.Events), e => Tags(e)["gen_ai.evaluation.name"] as string == "never");
        Assert.InRange(evaluatedTraces, 60, 140); // SampleRate = 0.5 of 200 traces
    }

    [Fact]
    public void A_guard_judges_a_retrieval_with_its_documents()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();

        Article[] articles = new GuardedOperations(new FakeChatClient(), judge).Search("refunds");

        LlmEvaluationContext seen = Assert.Single(judge.Seen);
        Assert.Equal("retrieval", seen.OperationName);
        Assert.Equal("refunds", seen.Input);
        Assert.Same(articles, seen.Result);
        Activity span = capture.SingleSpan();
        Assert.Equal("context-relevance", Tags(Assert.Single(span.Events))["gen_ai.evaluation.name"]);
        Assert.Equal(3, span.GetTagItem("llm_telemetry.retrieval.document_count"));
    }

    // docs/attributes.md: the evaluation metrics are each per gen_ai.evaluation.name and gen_ai.operation.name.
    private static void AssertDroppedFrom(MetricPoint dropped, string evaluationName, string operationName)
    {
        Dictionary<string, object?> tags = TelemetryCapture.Tags(dropped);
        Assert.Equal(evaluationName, tags["gen_ai.evaluation.name"]);
        Assert.Equal(operationName, tags.GetValueOrDefault("gen_ai.operation.name"));
    }

    private static Dictionary<string, object?> Tags(ActivityEvent activityEvent) =>
        activityEvent.Tags.ToDictionary(t => t.Key, t => t.Value);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Metrics produced by generated bodies, checked against the GenAI semantic-conventions reference.</summary>
public sealed class MetricConventionTests
{
    [Fact]
    public async Task Duration_metric_matches_the_reference()
    {
        using var capture = new TelemetryCapture(traces: false);
        await new ChatOperations(new FakeChatClient()).AnswerAsync("Hi");

        Metric metric = capture.Metric("gen_ai.client.operation.duration");
        AssertMatchesReference(metric);
        MetricPoint point = Assert.Single(TelemetryCapture.Points(metric));
        Assert.Equal(1, point.GetHistogramCount());
        Assert.True(point.GetHistogramSum() > 0);
        Dictionary<string, object?> tags = TelemetryCapture.Tags(point);
        Assert.Equal("chat", tags["gen_ai.operation.name"]);
        Assert.Equal("openai", tags["gen_ai.provider.name"]);
        Assert.Equal("gpt-4o-mini", tags["gen_ai.request.model"]);
        Assert.Equal(FakeChatClient.ResponseModel, tags["gen_ai.response.model"]);
        Assert.Equal("api.openai.com", tags["server.address"]);
        Assert.Equal(443, tags["server.port"]);
        Assert.False(tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task Token_usage_metric_records_input_and_output_points()
    {
        using var capture = new TelemetryCapture(traces: false);
        await new ChatOperations(new FakeChatClient()).AnswerAsync("Hi");

        Metric metric = capture.Metric("gen_ai.client.token.usage");
        AssertMatchesReference(metric);
        IReadOnlyList<MetricPoint> points = TelemetryCapture.Points(metric);
        Assert.Equal(2, points.Count);
        MetricPoint input = points.Single(p => (string?)TelemetryCapture.Tags(p)["gen_ai.token.type"] == "input");
        MetricPoint output = points.Single(p => (string?)TelemetryCapture.Tags(p)["gen_ai.token.type"] == "output");
        Assert.Equal(FakeChatClient.InputTokens, input.GetHistogramSum());
        Assert.Equal(FakeChatClient.OutputTokens, output.GetHistogramSum());
    }

    [Fact]
    public async Task Failed_call_records_duration_with_error_type_and_no_tokens()
    {
        using var capture = new TelemetryCapture(traces: false);
        var operations = new ChatOperations(new FakeChatClient { Failure = new InvalidOperationException("boom") });

        await Assert.ThrowsAsync<InvalidOperationException>(() => operations.AnswerAsync("Hi"));

        IReadOnlyList<Metric> metrics = capture.CollectMetrics();
        MetricPoint point = Assert.Single(TelemetryCapture.Points(metrics.Single(m => m.Name == "gen_ai.client.operation.duration")));
        Assert.Equal("System.InvalidOperationException", TelemetryCapture.Tags(point)["error.type"]);
        Assert.DoesNotContain(metrics, m => m.Name == "gen_ai.client.token.usage");
    }

    [Fact]
    public async Task Streaming_records_time_to_first_chunk_and_a_time_per_chunk_from_the_second_chunk()
    {
        using var capture = new TelemetryCapture(traces: false);
        var operations = new ShapeOperations { ChunkCount = 5 };

        await foreach (string _ in operations.StreamTextAsync("Hi"))
        {
        }

        Metric first = capture.CollectMetrics().Single(m => m.Name == "gen_ai.client.operation.time_to_first_chunk");
        AssertMatchesReference(first);
        Assert.Equal(1, Assert.Single(TelemetryCapture.Points(first)).GetHistogramCount());

        Metric perChunk = capture.Metric("gen_ai.client.operation.time_per_output_chunk");
        AssertMatchesReference(perChunk);
        Assert.Equal(4, Assert.Single(TelemetryCapture.Points(perChunk)).GetHistogramCount());
    }

    [Fact]
    public void Metrics_are_recorded_when_no_tracer_listens()
    {
        using var capture = new TelemetryCapture(traces: false);

        new ShapeOperations().Complete("Hi");

        MetricPoint duration = Assert.Single(TelemetryCapture.Points(capture.Metric("gen_ai.client.operation.duration")));
        Assert.Equal("local-model-1", TelemetryCapture.Tags(duration)["gen_ai.response.model"]);
    }

    [Fact]
    public async Task Evaluation_scores_are_bucketed_for_zero_to_one_scores_and_one_to_five_ratings()
    {
        using var capture = new TelemetryCapture(traces: false);
        await new GuardedOperations(new FakeChatClient(), new RecordingJudge()).AnswerAsync("Capital of France?");

        IReadOnlyList<MetricPoint> points = TelemetryCapture.Points(capture.Metric("llm_telemetry.evaluation.score"));
        Assert.Equal(2, points.Count); // groundedness and relevance
        foreach (MetricPoint point in points)
        {
            double[] bounds = ReferenceAssertions.BucketBounds(point);
            for (int tenth = 0; tenth <= 10; tenth++)
            {
                Assert.Contains(tenth / 10.0, bounds); // 0–1 scores: a bucket per tenth
            }

            for (double rating = 1; rating <= 5; rating += 0.5)
            {
                Assert.Contains(rating, bounds); // a 1–5 rating, whole or half, closes a bucket of its own
            }

            Assert.Equal(5, bounds[^1]);
        }
    }

    /// <summary>The metric against the baseline reference (see <see cref="ReferenceAssertions.Metric"/>).</summary>
    private static void AssertMatchesReference(Metric metric) => ReferenceAssertions.Metric(metric, SemanticConventionsReference.Instance);
}

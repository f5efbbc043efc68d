using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Instrumentation;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Metrics of latest-mode generated code, checked against the v0.1.0 digest; and the runtime's <c>both</c>.</summary>
public sealed class LatestMetricConventionTests
{
    private static readonly string[] s_usageCounters =
    [
        "gen_ai.client.inference.usage.input_tokens",
        "gen_ai.client.inference.usage.output_tokens",
        "gen_ai.client.inference.usage.cache_read.input_tokens",
        "gen_ai.client.inference.usage.cache_write.input_tokens",
        "gen_ai.client.inference.usage.reasoning.output_tokens",
    ];

    private static SemanticConventionsReference Reference => SemanticConventionsReference.V0_1;

    [Fact]
    public async Task A_chat_call_records_the_v0_1_inference_metrics_and_no_baseline_one()
    {
        using var capture = new TelemetryCapture(traces: false);
        await new ChatOperations(new FakeChatClient()).AnswerAsync("Hi");

        IReadOnlyList<Metric> metrics = capture.CollectMetrics();
        Assert.Equal(
            new[] { "gen_ai.client.inference.duration", "gen_ai.client.inference.operation.input_tokens", "gen_ai.client.inference.operation.output_tokens" }.Concat(s_usageCounters).OrderBy(static n => n, StringComparer.Ordinal),
            metrics.Select(static m => m.Name).OrderBy(static n => n, StringComparer.Ordinal));
        foreach (Metric metric in metrics)
        {
            ReferenceAssertions.Metric(metric, Reference);
        }

        Assert.Equal(FakeChatClient.InputTokens, Sum(metrics, "gen_ai.client.inference.usage.input_tokens"));
        Assert.Equal(FakeChatClient.OutputTokens, Sum(metrics, "gen_ai.client.inference.usage.output_tokens"));
        Assert.Equal(FakeChatClient.CachedInputTokens, Sum(metrics, "gen_ai.client.inference.usage.cache_read.input_tokens"));
        Assert.Equal(0, Sum(metrics, "gen_ai.client.inference.usage.cache_write.input_tokens")); // no mapped type reports it
        Assert.Equal(FakeChatClient.ReasoningTokens, Sum(metrics, "gen_ai.client.inference.usage.reasoning.output_tokens"));
        Assert.Equal("unknown", TelemetryCapture.Tags(Single(metrics, "gen_ai.client.inference.usage.input_tokens"))["gen_ai.token.modality"]);
        Assert.Equal(FakeChatClient.InputTokens, Single(metrics, "gen_ai.client.inference.operation.input_tokens").GetHistogramSum());
    }

    [Fact]
    public async Task A_failed_call_is_counted_with_zero_tokens_and_error_type_where_v0_1_says()
    {
        using var capture = new TelemetryCapture(traces: false);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new ChatOperations(new FakeChatClient { Failure = new InvalidOperationException("boom") }).AnswerAsync("Hi"));

        IReadOnlyList<Metric> metrics = capture.CollectMetrics();
        foreach (Metric metric in metrics)
        {
            ReferenceAssertions.Metric(metric, Reference);
        }

        foreach (string counter in s_usageCounters)
        {
            MetricPoint point = Single(metrics, counter);
            Assert.Equal(0, point.GetSumLong());
            Dictionary<string, object?> tags = TelemetryCapture.Tags(point);
            Assert.Equal("unknown", tags["gen_ai.token.modality"]);
            Assert.False(tags.ContainsKey("error.type"), $"{counter} carries no error.type.");
        }

        foreach (string histogram in new[] { "gen_ai.client.inference.operation.input_tokens", "gen_ai.client.inference.operation.output_tokens", "gen_ai.client.inference.duration" })
        {
            MetricPoint point = Single(metrics, histogram);
            Assert.Equal(1, point.GetHistogramCount());
            Assert.Equal("System.InvalidOperationException", TelemetryCapture.Tags(point)["error.type"]);
        }

        Assert.Equal(0, Single(metrics, "gen_ai.client.inference.operation.input_tokens").GetHistogramSum());
    }

    [Fact]
    public async Task Streaming_records_the_v0_1_chunk_histograms()
    {
        using var capture = new TelemetryCapture(traces: false);
        await foreach (string _ in new ShapeOperations { ChunkCount = 5 }.StreamTextAsync("Hi"))
        {
        }

        IReadOnlyList<Metric> metrics = capture.CollectMetrics();
        Assert.Equal(1, Single(metrics, "gen_ai.client.inference.time_to_first_chunk").GetHistogramCount());
        Assert.Equal(4, Single(metrics, "gen_ai.client.inference.time_per_output_chunk").GetHistogramCount());
        Assert.DoesNotContain(metrics, static m => m.Name.StartsWith("gen_ai.client.operation.", StringComparison.Ordinal));
        foreach (Metric metric in metrics)
        {
            ReferenceAssertions.Metric(metric, Reference);
        }
    }

    [Fact]
    public async Task Embeddings_record_their_own_duration_and_input_tokens()
    {
        using var capture = new TelemetryCapture(traces: false);
        await new EmbeddingOperations().EmbedAsync(["a", "bb"]);

        IReadOnlyList<Metric> metrics = capture.CollectMetrics();
        Assert.Equal(
            new[] { "gen_ai.client.embeddings.duration", "gen_ai.client.embeddings.operation.input_tokens" },
            metrics.Select(static m => m.Name).OrderBy(static n => n, StringComparer.Ordinal));
        Assert.Equal(17, Single(metrics, "gen_ai.client.embeddings.operation.input_tokens").GetHistogramSum());
        foreach (Metric metric in metrics)
        {
            ReferenceAssertions.Metric(metric, Reference);
        }
    }

    [Fact]
    public async Task A_retrieval_records_no_metric_until_gen_ai_retrieval_duration_is_confirmed()
    {
        using var capture = new TelemetryCapture(traces: false);
        await new RetrievalOperations().SearchAsync("reset password");

        Assert.DoesNotContain(capture.CollectMetrics(), static m => m.Name.StartsWith("gen_ai.", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_records_the_metrics_of_each_release_once_and_names_the_span_as_v0_1()
    {
        var chat = new LlmOperationDescriptor("chat", "openai", "gpt-4o-mini", "api.openai.com", 443, isStreaming: false, conventions: BaselineAndV0_1Conventions.Instance);
        var rerank = new LlmOperationDescriptor("rerank", "cohere", "rerank-v3", null, 0, isStreaming: false, conventions: BaselineAndV0_1Conventions.Instance);
        var retrieval = new LlmOperationDescriptor("retrieval", null, null, null, 0, isStreaming: false, dataSourceId: "faq", conventions: BaselineAndV0_1Conventions.Instance);
        using var capture = new TelemetryCapture();

        LlmOperationScope scope = LlmOperationScope.Start(chat);
        scope.SetInputTokens(10);
        scope.SetOutputTokens(4);
        scope.Complete();
        LlmOperationScope.Start(rerank).Complete();
        LlmOperationScope.Start(retrieval).Complete();

        IReadOnlyList<Metric> metrics = capture.CollectMetrics();
        foreach (Metric metric in metrics)
        {
            ReferenceAssertions.Metric(metric, metric.Name == "gen_ai.client.token.usage" ? SemanticConventionsReference.Instance : Reference);
        }

        Assert.Equal(2, TelemetryCapture.Points(metrics.Single(static m => m.Name == "gen_ai.client.token.usage")).Count);
        Assert.Equal(1, Single(metrics, "gen_ai.client.inference.duration").GetHistogramCount());
        // chat, rerank and the retrieval on the baseline's operation duration; rerank not a second time for v0.1.0.
        Assert.Equal(3, TelemetryCapture.Points(metrics.Single(static m => m.Name == "gen_ai.client.operation.duration")).Sum(static p => p.GetHistogramCount()));
        Assert.Equal(new[] { "chat gpt-4o-mini", "rerank rerank-v3", "retrieval" }, capture.OperationSpans.Select(static s => s.DisplayName));
    }

    private static MetricPoint Single(IReadOnlyList<Metric> metrics, string name) =>
        Assert.Single(TelemetryCapture.Points(metrics.SingleOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException($"Metric '{name}' was not recorded.")));

    private static long Sum(IReadOnlyList<Metric> metrics, string name) => Single(metrics, name).GetSumLong();
}

using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_calls_under_one_parent_each_get_their_own_child_span_and_metric_point()
    {
        const int Calls = 64;
        using var capture = new TelemetryCapture();
        var operations = new ChatOperations(new FakeChatClient { Asynchronous = true });
        using Activity? parent = TestParentSource.Source.StartActivity("request");

        ChatResponse[] responses = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() => operations.AnswerAsync("Question " + i))));

        Assert.Equal(Calls, responses.Length);
        Assert.Equal(Calls, capture.OperationSpans.Count);
        Assert.All(capture.OperationSpans, span =>
        {
            Assert.Equal(parent!.TraceId, span.TraceId);
            Assert.Equal(parent.SpanId, span.ParentSpanId);
            Assert.Equal((long)FakeChatClient.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        });
        Assert.Equal(Calls, capture.OperationSpans.Select(s => s.SpanId).Distinct().Count());

        MetricPoint duration = Assert.Single(TelemetryCapture.Points(capture.Metric(TelemetryCapture.InferenceDurationMetric)));
        Assert.Equal(Calls, duration.GetHistogramCount());
    }
}

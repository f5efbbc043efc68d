using System;
using System.Collections.Generic;
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

/// <summary>A streamed call's span lives exactly as long as the consumer reads, and ends once, whatever way reading stops.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task The_span_opens_when_enumeration_starts_and_ends_when_the_stream_is_exhausted()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { ChunkCount = 3 };

        IAsyncEnumerable<string> stream = operations.StreamTextAsync("Hi");
        Assert.Empty(capture.Spans);

        await foreach (string _ in stream)
        {
            Assert.Empty(capture.Spans); // exported only when it ends
        }

        Assert.Single(capture.OperationSpans);
        Assert.Equal(1, DurationCount(capture));
    }

    [Fact]
    public async Task A_consumer_that_stops_early_ends_the_span_once()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { ChunkCount = 10 };

        int read = 0;
        await foreach (string _ in operations.StreamTextAsync("Hi"))
        {
            if (++read == 2)
            {
                break;
            }
        }

        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(1, DurationCount(capture));
    }

    [Fact]
    public async Task Disposing_twice_or_after_the_end_does_not_end_the_span_again()
    {
        using var capture = new TelemetryCapture();
        IAsyncEnumerator<string> enumerator = new ShapeOperations { ChunkCount = 1 }.StreamTextAsync("Hi").GetAsyncEnumerator();

        while (await enumerator.MoveNextAsync())
        {
        }

        Assert.False(await enumerator.MoveNextAsync());
        await enumerator.DisposeAsync();
        await enumerator.DisposeAsync();

        Assert.Single(capture.OperationSpans);
        Assert.Equal(1, DurationCount(capture));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_error_mid_stream_reaches_the_consumer_and_fails_the_span(bool pending)
    {
        using var capture = new TelemetryCapture();
        var failure = new InvalidOperationException("connection reset");
        var operations = new ShapeOperations { ChunkCount = 5, FailAfterChunks = 2, Failure = failure, Pending = pending };

        var received = new List<string>();
        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (string chunk in operations.StreamTextAsync("Hi"))
            {
                received.Add(chunk);
            }
        });

        Assert.Same(failure, thrown);
        Assert.Equal(2, received.Count);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        Assert.Equal(1, DurationCount(capture));
    }

    [Fact]
    public async Task Cancellation_through_WithCancellation_reaches_the_implementation()
    {
        using var capture = new TelemetryCapture();
        using var cancellation = new CancellationTokenSource();
        var operations = new ShapeOperations { ChunkCount = 10, Pending = true };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string _ in operations.StreamTextAsync("Hi").WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });

        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.OperationCanceledException", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Each_enumeration_is_one_call()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { ChunkCount = 2 };
        IAsyncEnumerable<string> stream = operations.StreamTextAsync("Hi");

        await foreach (string _ in stream)
        {
        }

        await foreach (string _ in stream)
        {
        }

        Assert.Equal(2, capture.OperationSpans.Count);
        Assert.Equal(2, operations.Calls);
    }

    [Fact]
    public async Task The_consumer_reads_chunks_outside_the_span()
    {
        using var capture = new TelemetryCapture();
        using Activity? parent = TestParentSource.Source.StartActivity("request");

        await foreach (ChatResponseUpdate _ in new ChatOperations(new FakeChatClient { Asynchronous = true }).StreamAsync([new ChatMessage(ChatRole.User, "Hi")]))
        {
            Assert.Same(parent, Activity.Current);
        }

        Assert.Same(parent, Activity.Current);
        Assert.Equal(parent!.SpanId, capture.SingleSpan().ParentSpanId);
    }

    [Fact]
    public async Task Usage_finish_reason_and_model_come_from_the_updates_that_carry_them()
    {
        using var capture = new TelemetryCapture();

        await foreach (ChatResponseUpdate _ in new ChatOperations(new FakeChatClient { ChunkCount = 2 }).StreamAsync([new ChatMessage(ChatRole.User, "Hi")]))
        {
        }

        Activity span = capture.SingleSpan();
        Assert.Equal((long)FakeChatClient.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal((long)FakeChatClient.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(new[] { "stop" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal(FakeChatClient.ResponseId, span.GetTagItem("gen_ai.response.id"));
        Assert.Null(span.GetTagItem("gen_ai.output.messages")); // content capture is off: chunks were not kept
    }

    [Fact]
    public async Task Usage_reported_in_pieces_is_added_up()
    {
        using var capture = new TelemetryCapture();

        await foreach (ChatResponseUpdate _ in new ChatOperations(new FakeChatClient { ChunkCount = 3, UsageInPieces = true }).StreamAsync([new ChatMessage(ChatRole.User, "Hi")]))
        {
        }

        Activity span = capture.SingleSpan();
        Assert.Equal((long)FakeChatClient.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal((long)FakeChatClient.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Null(span.GetTagItem("gen_ai.usage.cache_read.input_tokens")); // never reported: no attribute, not 0
    }

    private static long DurationCount(TelemetryCapture capture)
    {
        long count = 0;
        foreach (MetricPoint point in TelemetryCapture.Points(capture.Metric(TelemetryCapture.InferenceDurationMetric)))
        {
            count += point.GetHistogramCount();
        }

        return count;
    }
}

using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Instrumentation;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Spans of latest-mode generated code, checked against the v0.1.0 digest.</summary>
public sealed class LatestSpanConventionTests
{
    private static SemanticConventionsReference Reference => SemanticConventionsReference.V0_1;

    [Fact]
    public async Task Chat_span_matches_v0_1()
    {
        using var capture = new TelemetryCapture();
        await new ChatOperations(new FakeChatClient()).AnswerAsync("What is the capital of France?", new ChatOptions { Temperature = 0.7f, TopK = 40 });

        Activity span = capture.SingleSpan();
        Assert.Equal("chat gpt-4o-mini", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal((long)FakeChatClient.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal((long)FakeChatClient.CachedInputTokens, span.GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Equal((long)FakeChatClient.ReasoningTokens, span.GetTagItem("gen_ai.usage.reasoning.output_tokens"));
        ReferenceAssertions.Span(span, Reference);
    }

    [Fact]
    public async Task Streamed_chat_span_matches_v0_1()
    {
        using var capture = new TelemetryCapture();
        await foreach (ChatResponseUpdate _ in new ChatOperations(new FakeChatClient { ChunkCount = 3 }).StreamAsync([new ChatMessage(ChatRole.User, "Hi")]))
        {
        }

        Activity span = capture.SingleSpan();
        Assert.Equal(true, span.GetTagItem("gen_ai.request.stream"));
        Assert.IsType<double>(span.GetTagItem("gen_ai.response.time_to_first_chunk"));
        ReferenceAssertions.Span(span, Reference);
    }

    [Fact]
    public async Task Retrieval_span_is_internal_named_by_the_operation_and_keeps_its_data_source()
    {
        using var capture = new TelemetryCapture();
        await new RetrievalOperations().SearchAsync("reset password");

        Activity span = capture.SingleSpan();
        Assert.Equal("retrieval", span.DisplayName);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal("help-center", span.GetTagItem("gen_ai.data_source.id"));
        ReferenceAssertions.Span(span, Reference);
    }

    [Fact]
    public async Task Embeddings_span_matches_v0_1()
    {
        using var capture = new TelemetryCapture();
        await new EmbeddingOperations().EmbedAsync(["a", "bb"]);

        Activity span = capture.SingleSpan();
        Assert.Equal("embeddings text-embedding-3-small", span.DisplayName);
        ReferenceAssertions.Span(span, Reference);
    }

    [Fact]
    public async Task Failed_inference_writes_the_renamed_exception_event()
    {
        using var capture = new TelemetryCapture();
        var failure = new TimeoutException("The model did not answer in time.");

        Assert.Same(failure, await Assert.ThrowsAsync<TimeoutException>(() => new ChatOperations(new FakeChatClient { Failure = failure, Asynchronous = true }).AnswerAsync("Hello?")));

        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.TimeoutException", span.GetTagItem("error.type"));
        Assert.DoesNotContain(span.Events, static e => e.Name == "exception");
        ActivityEvent exception = Assert.Single(span.Events, static e => e.Name == "gen_ai.client.inference.exception");
        Assert.Equal("System.TimeoutException", exception.Tags.Single(static t => t.Key == "exception.type").Value);
        Assert.Equal("The model did not answer in time.", exception.Tags.Single(static t => t.Key == "exception.message").Value);
        ReferenceAssertions.Event(exception, Reference);
        ReferenceAssertions.Span(span, Reference);
    }

    [Fact]
    public async Task Evaluation_events_match_v0_1()
    {
        using var capture = new TelemetryCapture();
        await new GuardedOperations(new FakeChatClient(), new RecordingJudge()).AnswerAsync("Capital of France?");

        Activity span = capture.SingleSpan();
        ActivityEvent[] evaluations = span.Events.Where(static e => e.Name == "gen_ai.evaluation.result").ToArray();
        Assert.Equal(2, evaluations.Length);
        foreach (ActivityEvent evaluation in evaluations)
        {
            ReferenceAssertions.Event(evaluation, Reference);
        }

        ReferenceAssertions.Span(span, Reference);
    }

    [Fact]
    public void Cache_write_is_named_by_v0_1_and_zero_usage_parts_are_left_off()
    {
        var descriptor = new LlmOperationDescriptor("chat", "anthropic", "claude-sonnet", serverAddress: null, serverPort: 0, isStreaming: false, conventions: V0_1Conventions.Instance);
        using var capture = new TelemetryCapture();

        LlmOperationScope scope = LlmOperationScope.Start(descriptor);
        scope.SetInputTokens(120);
        scope.SetOutputTokens(30);
        scope.SetCacheReadInputTokens(0);
        scope.SetCacheWriteInputTokens(100);
        scope.SetReasoningOutputTokens(0);
        scope.Complete();

        Activity span = capture.SingleSpan();
        Assert.Equal(100L, span.GetTagItem("gen_ai.usage.cache_write.input_tokens"));
        Assert.Null(span.GetTagItem("gen_ai.usage.cache_creation.input_tokens"));
        Assert.Null(span.GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Null(span.GetTagItem("gen_ai.usage.reasoning.output_tokens"));
        ReferenceAssertions.Span(span, Reference);
    }
}

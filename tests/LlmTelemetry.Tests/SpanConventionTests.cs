using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Spans produced by generated bodies, checked against the GenAI semantic-conventions reference.</summary>
public sealed class SpanConventionTests
{
    [Fact]
    public async Task Chat_span_has_the_reference_name_kind_and_attributes()
    {
        using var capture = new TelemetryCapture();
        var operations = new ChatOperations(new FakeChatClient());

        await operations.AnswerAsync("What is the capital of France?", new ChatOptions
        {
            Temperature = 0.7f,
            MaxOutputTokens = 256,
            TopP = 0.9f,
            TopK = 40,
            FrequencyPenalty = 0.1f,
            PresencePenalty = 0.2f,
            Seed = 42,
            StopSequences = ["\n\n", "END"],
            ResponseFormat = ChatResponseFormat.Json,
        });

        Activity span = capture.SingleSpan();
        Assert.Equal("chat gpt-4o-mini", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("openai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("gpt-4o-mini", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal("api.openai.com", span.GetTagItem("server.address"));
        Assert.Equal(443, span.GetTagItem("server.port"));
        Assert.Equal(0.7, span.GetTagItem("gen_ai.request.temperature"));
        Assert.Equal(256L, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal(0.9, span.GetTagItem("gen_ai.request.top_p"));
        Assert.Equal(40L, span.GetTagItem("gen_ai.request.top_k"));
        Assert.Equal(0.1, span.GetTagItem("gen_ai.request.frequency_penalty"));
        Assert.Equal(0.2, span.GetTagItem("gen_ai.request.presence_penalty"));
        Assert.Equal(42L, span.GetTagItem("gen_ai.request.seed"));
        Assert.Equal(new[] { "\n\n", "END" }, span.GetTagItem("gen_ai.request.stop_sequences"));
        Assert.Equal("json", span.GetTagItem("gen_ai.output.type"));

        Assert.Equal(FakeChatClient.ResponseModel, span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(FakeChatClient.ResponseId, span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(new[] { "stop" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal((long)FakeChatClient.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal((long)FakeChatClient.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal((long)FakeChatClient.CachedInputTokens, span.GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Equal((long)FakeChatClient.ReasoningTokens, span.GetTagItem("gen_ai.usage.reasoning.output_tokens"));
        Assert.Null(span.GetTagItem("error.type"));

        AssertMatchesReference(span);
    }

    [Fact]
    public async Task Sampling_relevant_attributes_are_on_the_span_when_it_starts()
    {
        IEnumerable<KeyValuePair<string, object?>>? startTags = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == "LlmTelemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
            {
                startTags = options.Tags?.ToList();
                return ActivitySamplingResult.AllDataAndRecorded;
            },
        };
        ActivitySource.AddActivityListener(listener);

        await new ChatOperations(new FakeChatClient()).AnswerAsync("Hello?");

        Dictionary<string, object?> tags = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(startTags).ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("chat", tags["gen_ai.operation.name"]);
        Assert.Equal("openai", tags["gen_ai.provider.name"]);
        Assert.Equal("gpt-4o-mini", tags["gen_ai.request.model"]);
        Assert.Equal("api.openai.com", tags["server.address"]);
        Assert.Equal(443, tags["server.port"]);
    }

    [Fact]
    public async Task Request_model_chosen_at_run_time_names_the_span()
    {
        using var capture = new TelemetryCapture();
        var operations = new ChatOperations(new FakeChatClient());

        await operations.AnswerAsync("Hi", new ChatOptions { ModelId = "gpt-4.1" });
        new ShapeOperations().CompleteWith("llama-3-70b", "Hi");

        Assert.Equal("chat gpt-4.1", capture.OperationSpans[0].DisplayName);
        Assert.Equal("gpt-4.1", capture.OperationSpans[0].GetTagItem("gen_ai.request.model"));
        Assert.Equal("chat llama-3-70b", capture.OperationSpans[1].DisplayName);
        Assert.Equal("llama-3-70b", capture.OperationSpans[1].GetTagItem("gen_ai.request.model"));
    }

    [Fact]
    public async Task Failed_call_has_error_type_error_status_and_the_exception_event()
    {
        using var capture = new TelemetryCapture();
        var failure = new TimeoutException("The model did not answer in time.");
        var operations = new ChatOperations(new FakeChatClient { Failure = failure, Asynchronous = true });

        TimeoutException thrown = await Assert.ThrowsAsync<TimeoutException>(() => operations.AnswerAsync("Hello?"));

        Assert.Same(failure, thrown);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("The model did not answer in time.", span.StatusDescription);
        Assert.Equal("System.TimeoutException", span.GetTagItem("error.type"));
        ActivityEvent exception = Assert.Single(span.Events, e => e.Name == "exception");
        Assert.Equal("System.TimeoutException", exception.Tags.Single(t => t.Key == "exception.type").Value);
        Assert.Null(span.GetTagItem("gen_ai.usage.input_tokens"));
        AssertMatchesReference(span);
    }

    [Fact]
    public async Task Streaming_span_marks_the_request_as_streamed_and_records_time_to_first_chunk()
    {
        using var capture = new TelemetryCapture();
        var operations = new ChatOperations(new FakeChatClient { ChunkCount = 4 });

        int chunks = 0;
        await foreach (ChatResponseUpdate update in operations.StreamAsync([new ChatMessage(ChatRole.User, "Hi")]))
        {
            chunks++;
        }

        Assert.Equal(5, chunks);
        Activity span = capture.SingleSpan();
        Assert.Equal(true, span.GetTagItem("gen_ai.request.stream"));
        double timeToFirstChunk = Assert.IsType<double>(span.GetTagItem("gen_ai.response.time_to_first_chunk"));
        Assert.InRange(timeToFirstChunk, 0, span.Duration.TotalSeconds + 0.001);
        Assert.Equal((long)FakeChatClient.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal((long)FakeChatClient.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(new[] { "stop" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal(FakeChatClient.ResponseModel, span.GetTagItem("gen_ai.response.model"));
        AssertMatchesReference(span);
    }

    [Fact]
    public void Operation_without_a_model_is_named_by_the_operation_alone()
    {
        var descriptor = new LlmTelemetry.Instrumentation.LlmOperationDescriptor("embeddings", "openai", requestModel: null, serverAddress: null, serverPort: 0, isStreaming: false);
        using var capture = new TelemetryCapture();

        LlmTelemetry.Instrumentation.LlmOperationScope scope = LlmTelemetry.Instrumentation.LlmOperationScope.Start(descriptor);
        scope.Complete();

        Assert.Equal("embeddings", capture.SingleSpan().DisplayName);
        Assert.Null(capture.SingleSpan().GetTagItem("gen_ai.request.model"));
    }

    [Fact]
    public void Cache_write_is_named_by_the_baseline_and_zero_usage_parts_are_kept()
    {
        var descriptor = new LlmTelemetry.Instrumentation.LlmOperationDescriptor("chat", "anthropic", "claude-sonnet", serverAddress: null, serverPort: 0, isStreaming: false);
        using var capture = new TelemetryCapture();

        LlmTelemetry.Instrumentation.LlmOperationScope scope = LlmTelemetry.Instrumentation.LlmOperationScope.Start(descriptor);
        scope.SetInputTokens(120);
        scope.SetCacheReadInputTokens(0);
        scope.SetCacheWriteInputTokens(100);
        scope.Complete();

        Activity span = capture.SingleSpan();
        Assert.Equal(100L, span.GetTagItem("gen_ai.usage.cache_creation.input_tokens"));
        Assert.Null(span.GetTagItem("gen_ai.usage.cache_write.input_tokens"));
        Assert.Equal(0L, span.GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        AssertMatchesReference(span);
    }

    /// <summary>The span against the baseline reference (see <see cref="ReferenceAssertions.Span"/>).</summary>
    internal static void AssertMatchesReference(Activity span) => ReferenceAssertions.Span(span, SemanticConventionsReference.Instance);
}

using System.ClientModel;
using System.Diagnostics;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Results of the well-known client libraries are read at compile time, without reflection.</summary>
public sealed class ProviderTypeTests
{
    [Fact]
    public async Task OpenAI_chat_completion_inside_a_client_result()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        ClientResult<ChatCompletion> result = await new OpenAIOperations().CompleteChatAsync(
            [new SystemChatMessage("Answer in French."), new UserChatMessage("Hello")],
            new ChatCompletionOptions { Temperature = 0.2f, MaxOutputTokenCount = 64, TopP = 1f, StopSequences = { "###" } });

        Assert.Same(OpenAIOperations.Completion, result.Value);
        Activity span = capture.SingleSpan();
        Assert.Equal("chat gpt-4o", span.DisplayName);
        Assert.Equal("gpt-4o-2024-08-06", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal("chatcmpl-openai", span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(new[] { "length" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal(21L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(9L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(8L, span.GetTagItem("gen_ai.usage.cache_read.input_tokens"));
        Assert.Equal(4L, span.GetTagItem("gen_ai.usage.reasoning.output_tokens"));
        Assert.Equal(0.2, span.GetTagItem("gen_ai.request.temperature"));
        Assert.Equal(64L, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal(new[] { "###" }, span.GetTagItem("gen_ai.request.stop_sequences"));
        Assert.Equal(
            """[{"role":"system","parts":[{"type":"text","content":"Answer in French."}]},{"role":"user","parts":[{"type":"text","content":"Hello"}]}]""",
            span.GetTagItem("gen_ai.input.messages"));
        Assert.Equal(
            """[{"role":"assistant","parts":[{"type":"text","content":"Bonjour"}],"finish_reason":"length"}]""",
            span.GetTagItem("gen_ai.output.messages"));
        SpanConventionTests.AssertMatchesReference(span);
    }

    [Fact]
    public async Task OpenAI_streaming_updates()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        await foreach (StreamingChatCompletionUpdate _ in new OpenAIOperations().CompleteChatStreamingAsync("Hello"))
        {
        }

        Activity span = capture.SingleSpan();
        Assert.Equal("chatcmpl-stream", span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(new[] { "stop" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal(5L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(2L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(
            """[{"role":"assistant","parts":[{"type":"text","content":"Bonjour"}],"finish_reason":"stop"}]""",
            span.GetTagItem("gen_ai.output.messages"));
        SpanConventionTests.AssertMatchesReference(span);
    }

    [Fact]
    public async Task Structured_output_is_read_as_a_chat_response()
    {
        using var capture = new TelemetryCapture();
        var client = new FakeChatClient { AnswerText = """{"city":"Paris","celsius":21}""" };

        ChatResponse<Forecast> forecast = await new StructuredOutputOperations(client).ForecastAsync("Paris");

        Assert.Equal(new Forecast("Paris", 21), forecast.Result);
        Activity span = capture.SingleSpan();
        Assert.Equal((long)FakeChatClient.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(FakeChatClient.ResponseModel, span.GetTagItem("gen_ai.response.model"));
    }

    [Fact]
    public async Task Embeddings_span_and_input_token_usage()
    {
        using var capture = new TelemetryCapture();

        GeneratedEmbeddings<Embedding<float>> embeddings = await new EmbeddingOperations().EmbedAsync(["a", "bb"]);

        Assert.Equal(2, embeddings.Count);
        Activity span = capture.SingleSpan();
        Assert.Equal("embeddings text-embedding-3-small", span.DisplayName);
        Assert.Equal("text-embedding-3-small-v2", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(17L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(4, span.GetTagItem("gen_ai.embeddings.dimension.count"));
        SpanConventionTests.AssertMatchesReference(span);

        MetricPoint input = Assert.Single(TelemetryCapture.Points(capture.Metric("gen_ai.client.token.usage")));
        Assert.Equal("input", TelemetryCapture.Tags(input)["gen_ai.token.type"]);
        Assert.Equal(17, input.GetHistogramSum());
    }
}

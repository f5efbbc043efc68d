using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>[EvalGuard] on streams (judged once read to the end) and on operations sent chat messages.</summary>
public sealed class StreamGuardTests
{
    [Fact]
    public async Task A_stream_read_to_the_end_is_judged_on_its_span_with_all_its_text()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();
        List<ChatMessage> messages = [new(ChatRole.System, "Answer briefly."), new(ChatRole.User, "Capital of France?"), new(ChatRole.Assistant, "Paris."), new(ChatRole.User, "Are you sure?")];

        List<ChatResponseUpdate> updates = await ReadAllAsync(new GuardedStreamOperations(new FakeChatClient(), judge).StreamAsync(messages));

        Activity span = capture.SingleSpan();
        Dictionary<string, object?>[] events = TelemetryCapture.Evaluations(span);
        Assert.Equal(["groundedness", "relevance"], events.Select(e => (string?)e["gen_ai.evaluation.name"]));
        Assert.Equal(0.9, events[0]["gen_ai.evaluation.score.value"]);
        Assert.Equal(FakeChatClient.ResponseId, events[0]["gen_ai.response.id"]);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        LlmEvaluationContext seen = Assert.Single(judge.Seen);
        Assert.Equal("Paris is the ", seen.Output);
        Assert.Equal("Are you sure?", seen.Input); // the last user message
        Assert.Same(messages, seen.Request);
        Assert.Equal(updates, Assert.IsAssignableFrom<IReadOnlyList<ChatResponseUpdate>>(seen.Result));
    }

    [Fact]
    public async Task A_failed_stream_guard_that_throws_does_so_when_the_stream_ends_and_fails_the_span()
    {
        using var capture = new TelemetryCapture();
        var operations = new GuardedStreamOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge());
        var received = new List<string>();

        GuardViolationException violation = await Assert.ThrowsAsync<GuardViolationException>(async () =>
        {
            await foreach (ChatResponseUpdate update in operations.StrictStreamAsync("Capital of France?"))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(4, received.Count); // every chunk reached the caller first
        Assert.Equal("groundedness", violation.EvaluationName);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("LlmTelemetry.GuardViolationException", span.GetTagItem("error.type"));
        Assert.Equal("throw", span.GetTagItem("llm_telemetry.guard.action"));
        Assert.Equal("fail", Assert.Single(TelemetryCapture.Evaluations(span))["gen_ai.evaluation.score.label"]);
    }

    [Fact]
    public async Task A_passing_stream_guard_that_throws_lets_the_stream_end_normally_even_when_nothing_listens()
    {
        List<ChatResponseUpdate> updates = await ReadAllAsync(new GuardedStreamOperations(new FakeChatClient(), new RecordingJudge()).StrictStreamAsync("Capital of France?"));

        Assert.Equal(4, updates.Count);
        await Assert.ThrowsAsync<GuardViolationException>(() =>
            ReadAllAsync(new GuardedStreamOperations(new FakeChatClient { AnswerText = "It is Lyon." }, new RecordingJudge()).StrictStreamAsync("Capital of France?")));
    }

    [Fact]
    public async Task A_stream_the_consumer_stops_reading_is_not_judged()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();

        await foreach (ChatResponseUpdate update in new GuardedStreamOperations(new FakeChatClient { AnswerText = "It is Lyon." }, judge).StrictStreamAsync("Capital of France?"))
        {
            break;
        }

        Activity span = capture.SingleSpan();
        Assert.Empty(TelemetryCapture.Evaluations(span));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_background_stream_guard_judges_the_text_after_the_stream_ended()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();

        List<string> chunks = await ReadAllAsync(new GuardedStreamOperations(new FakeChatClient(), judge).StreamTextAsync("Capital of France?"));
        await LlmEvaluations.FlushAsync();

        LlmEvaluationContext seen = Assert.Single(judge.Seen);
        Assert.Equal(string.Concat(chunks), seen.Output);
        Activity evaluated = Assert.Single(capture.OperationSpans, s => s.DisplayName.StartsWith("chat", System.StringComparison.Ordinal));
        Activity evaluation = Assert.Single(capture.OperationSpans, s => s.DisplayName == "evaluate background-relevance");
        Assert.Equal(evaluated.Context, Assert.Single(evaluation.Links).Context);
    }

    [Fact]
    public async Task A_guard_judges_a_streamed_retrieval_with_the_documents_it_yielded()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();

        List<Article> articles = await ReadAllAsync(new GuardedStreamOperations(new FakeChatClient(), judge).SearchAsync("refunds"));

        LlmEvaluationContext seen = Assert.Single(judge.Seen);
        Assert.Equal("retrieval", seen.OperationName);
        Assert.Equal("refunds", seen.Input);
        Assert.Null(seen.Output);
        Assert.Equal(articles, Assert.IsAssignableFrom<IReadOnlyList<Article>>(seen.Result));
        Activity span = capture.SingleSpan();
        Assert.Equal("context-relevance", Assert.Single(TelemetryCapture.Evaluations(span))["gen_ai.evaluation.name"]);
        Assert.Equal(3, span.GetTagItem("llm_telemetry.retrieval.document_count"));
    }

    [Fact]
    public async Task A_guard_of_an_operation_sent_messages_sees_the_last_user_message_and_the_messages()
    {
        using var capture = new TelemetryCapture();
        var judge = new RecordingJudge();
        List<ChatMessage> messages = [new(ChatRole.User, "Capital of Italy?"), new(ChatRole.Assistant, "Rome."), new(ChatRole.User, "And of France?")];

        ChatResponse response = await new GuardedStreamOperations(new FakeChatClient(), judge).AnswerAsync(messages);

        LlmEvaluationContext seen = Assert.Single(judge.Seen);
        Assert.Equal("And of France?", seen.Input);
        Assert.Same(messages, seen.Request);
        Assert.Same(response, seen.Result);
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> stream)
    {
        var items = new List<T>();
        await foreach (T item in stream)
        {
            items.Add(item);
        }

        return items;
    }
}

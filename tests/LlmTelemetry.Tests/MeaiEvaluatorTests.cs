using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>[EvalGuard] with a Microsoft.Extensions.AI.Evaluation IEvaluator: its numeric and boolean metrics become evaluations.</summary>
public sealed class MeaiEvaluatorTests
{
    private static readonly ChatConfiguration s_judge = new(new FakeChatClient());

    [Fact]
    public async Task Each_numeric_and_boolean_metric_is_an_evaluation_event_and_a_string_metric_is_not()
    {
        using var capture = new TelemetryCapture();

        ChatResponse response = await new MeaiEvaluatedOperations(new FakeChatClient(), s_judge).AnswerAsync("Capital of France?");

        Assert.Equal("Paris is the capital of France.", response.Text);
        Dictionary<string, object?>[] events = TelemetryCapture.Evaluations(capture.SingleSpan());
        Assert.Equal(["Relevance", "Mentions Paris"], events.Select(e => (string?)e["gen_ai.evaluation.name"]));
        Assert.Equal(4.0, events[0]["gen_ai.evaluation.score.value"]);
        Assert.Equal("good", events[0]["gen_ai.evaluation.score.label"]); // the evaluator's rating
        Assert.Equal("answers the question", events[0]["gen_ai.evaluation.explanation"]);
        Assert.Equal(FakeChatClient.ResponseId, events[0]["gen_ai.response.id"]);
        Assert.Equal(1.0, events[1]["gen_ai.evaluation.score.value"]);
        Assert.Equal("pass", events[1]["gen_ai.evaluation.score.label"]);

        MetricPoint relevance = TelemetryCapture.Points(capture.Metric("llm_telemetry.evaluation.score"))
            .Single(p => (string?)TelemetryCapture.Tags(p)["gen_ai.evaluation.name"] == "Relevance");
        Assert.Equal(4.0, relevance.GetHistogramSum());
    }

    [Fact]
    public async Task A_metric_the_evaluator_interprets_as_failed_fails_a_throwing_guard_and_the_evaluator_gets_the_messages_and_the_judge()
    {
        using var capture = new TelemetryCapture();
        var judge = new ChatConfiguration(new FakeChatClient());
        List<ChatMessage> messages = [new(ChatRole.User, "Capital of France?")];

        GuardViolationException violation = await Assert.ThrowsAsync<GuardViolationException>(
            () => new MeaiEvaluatedOperations(new FakeChatClient { AnswerText = "It is Lyon." }, judge).StrictAnswerAsync(messages));

        Assert.Equal("Relevance", violation.EvaluationName); // the failed metric, not the guard
        Assert.Equal(2.0, violation.Evaluation.Score);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Dictionary<string, object?>[] events = TelemetryCapture.Evaluations(span);
        Assert.Equal("poor", events[0]["gen_ai.evaluation.score.label"]);
        Assert.Equal("fail", events[1]["gen_ai.evaluation.score.label"]); // Mentions Paris = false
    }

    [Fact]
    public async Task A_member_evaluator_judges_a_whole_stream_as_one_response_with_the_configuration_and_the_threshold_decides()
    {
        using var capture = new TelemetryCapture();
        var judge = new ChatConfiguration(new FakeChatClient());
        var operations = new MeaiEvaluatedOperations(new FakeChatClient(), judge);

        await foreach (ChatResponseUpdate _ in operations.StreamAsync("Capital of France?"))
        {
        }

        Assert.Same(judge, operations.Evaluator.SeenConfiguration);
        Assert.Equal("Paris is the ", operations.Evaluator.SeenResponse!.Text);
        Assert.Equal(FakeChatClient.InputTokens, operations.Evaluator.SeenResponse.Usage!.InputTokenCount);
        ChatMessage asked = Assert.Single(operations.Evaluator.SeenMessages!);
        Assert.Equal(ChatRole.User, asked.Role);
        Assert.Equal("Capital of France?", asked.Text);
        Dictionary<string, object?>[] events = TelemetryCapture.Evaluations(capture.SingleSpan());
        Assert.Equal("good", events[0]["gen_ai.evaluation.score.label"]); // 4 >= Threshold 3

        MetricPoint passed = TelemetryCapture.Points(capture.Metric("llm_telemetry.evaluation.results"))
            .Single(p => (string?)TelemetryCapture.Tags(p)["gen_ai.evaluation.name"] == "Relevance");
        Assert.Equal(true, TelemetryCapture.Tags(passed)["llm_telemetry.evaluation.passed"]);
    }

    [Fact]
    public void A_result_without_a_response_object_is_given_to_the_evaluator_as_the_generated_text()
    {
        using var capture = new TelemetryCapture();
        var operations = new MeaiEvaluatedOperations(new FakeChatClient(), s_judge);

        string answer = operations.Answer("Capital of France?");

        Assert.Equal(answer, operations.Evaluator.SeenResponse!.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(operations.Evaluator.SeenResponse.Messages).Role);
        Assert.Null(operations.Evaluator.SeenConfiguration);
    }

    [Fact]
    public async Task A_metric_the_evaluator_could_not_measure_carries_error_type_and_never_acts()
    {
        using var capture = new TelemetryCapture();

        ChatResponse response = await new MeaiEvaluatedOperations(new FakeChatClient(), s_judge).UnjudgedAnswerAsync("Capital of France?");

        Assert.Equal("Paris is the capital of France.", response.Text);
        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Dictionary<string, object?> coherence = Assert.Single(TelemetryCapture.Evaluations(span));
        Assert.Equal("Coherence", coherence["gen_ai.evaluation.name"]);
        Assert.Equal("evaluation_error", coherence["error.type"]);
        Assert.Equal("No ChatConfiguration was given.", coherence["gen_ai.evaluation.explanation"]);
        Assert.False(coherence.ContainsKey("gen_ai.evaluation.score.value"));
        Assert.False(coherence.ContainsKey("gen_ai.evaluation.score.label"));
    }
}

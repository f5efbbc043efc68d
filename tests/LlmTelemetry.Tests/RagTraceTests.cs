using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Retrieve → chat → guard: one trace, each span and the evaluation event as the conventions define them.</summary>
public sealed class RagTraceTests
{
    [Fact]
    public async Task A_rag_flow_is_one_trace_with_the_retrieval_span_the_chat_span_and_its_evaluation_event()
    {
        using var capture = new TelemetryCapture();
        Activity? request;
        using (request = TestParentSource.Source.StartActivity("POST /ask"))
        {
            string answer = await new RagPipeline(new FakeChatClient()).AskAsync("What is the capital of France?");
            Assert.Equal("Paris is the capital of France.", answer);
        }

        Assert.NotNull(request);
        IReadOnlyList<Activity> spans = capture.OperationSpans;
        Assert.Equal(2, spans.Count);
        Activity retrieval = spans.Single(s => (string?)s.GetTagItem("gen_ai.operation.name") == "retrieval");
        Activity chat = spans.Single(s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat");
        Assert.All(spans, s => Assert.Equal(request.TraceId, s.TraceId));
        Assert.All(spans, s => Assert.Equal(request.SpanId, s.ParentSpanId));
        Assert.True(retrieval.StartTimeUtc <= chat.StartTimeUtc);

        Assert.Equal("retrieval help-center", retrieval.DisplayName);
        Assert.Equal(2, retrieval.GetTagItem("llm_telemetry.retrieval.document_count"));
        SpanConventionTests.AssertMatchesReference(retrieval);
        Assert.Equal("chat gpt-4o-mini", chat.DisplayName);
        SpanConventionTests.AssertMatchesReference(chat);

        Assert.Empty(retrieval.Events);
        ActivityEvent evaluation = Assert.Single(chat.Events);
        AssertMatchesReference(evaluation);
        Dictionary<string, object?> tags = evaluation.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal("groundedness", tags["gen_ai.evaluation.name"]);
        Assert.Equal(0.9, tags["gen_ai.evaluation.score.value"]);
        Assert.Equal(chat.GetTagItem("gen_ai.response.id"), tags["gen_ai.response.id"]); // links the result to the exact call
    }

    private static void AssertMatchesReference(ActivityEvent activityEvent)
    {
        IReadOnlyDictionary<string, JsonElement> attributes = SemanticConventionsReference.Attributes(SemanticConventionsReference.Instance.Event(activityEvent.Name));
        foreach (KeyValuePair<string, object?> tag in activityEvent.Tags)
        {
            Assert.True(attributes.TryGetValue(tag.Key, out JsonElement attribute), $"'{tag.Key}' is not an attribute of the '{activityEvent.Name}' event in the reference.");
            string type = attribute.GetProperty("type").GetString()!;
            Assert.True(ReferenceAssertions.HasReferenceType(tag.Value, type), $"'{tag.Key}' is {tag.Value?.GetType().Name ?? "null"}, the reference says {type}.");
        }

        foreach ((string name, JsonElement attribute) in attributes)
        {
            if (attribute.GetProperty("requirement").GetString() == "required")
            {
                Assert.Contains(activityEvent.Tags, t => t.Key == name);
            }
        }
    }
}

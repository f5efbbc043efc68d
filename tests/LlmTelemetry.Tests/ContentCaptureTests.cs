using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Prompts and completions on spans: off by default, in the conventions' JSON shape when on, redacted when classified.</summary>
public sealed class ContentCaptureTests
{
    private const string Question = "What is the capital of France?";

    [Fact]
    public async Task Content_is_not_captured_by_default()
    {
        using var capture = new TelemetryCapture();

        await new ContentOperations(new FakeChatClient()).AskAsync("Be brief.", Question);

        Activity span = capture.SingleSpan();
        foreach (string attribute in SemanticConventionsReference.Instance.ContentAttributes)
        {
            Assert.Null(span.GetTagItem(attribute));
        }
    }

    [Fact]
    public async Task Captured_prompt_completion_and_instructions_have_the_conventions_shape()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        await new ContentOperations(new FakeChatClient()).AskAsync("Be brief.", Question);

        Activity span = capture.SingleSpan();
        Assert.Equal(
            """[{"role":"user","parts":[{"type":"text","content":"What is the capital of France?"}]}]""",
            span.GetTagItem("gen_ai.input.messages"));
        Assert.Equal(
            """[{"type":"text","content":"Be brief."}]""",
            span.GetTagItem("gen_ai.system_instructions"));
        Assert.Equal(
            """[{"role":"assistant","parts":[{"type":"text","content":"Paris is the capital of France."}],"finish_reason":"stop"}]""",
            span.GetTagItem("gen_ai.output.messages"));
        AssertPartsMatchReference(span);
        SpanConventionTests.AssertMatchesReference(span);
    }

    [Fact]
    public async Task The_environment_variable_turns_capture_on()
    {
        string? previous = Environment.GetEnvironmentVariable(LlmTelemetryOptions.CaptureMessageContentEnvironmentVariable);
        Environment.SetEnvironmentVariable(LlmTelemetryOptions.CaptureMessageContentEnvironmentVariable, "TRUE");
        try
        {
            using var capture = new TelemetryCapture();

            await new ContentOperations(new FakeChatClient()).AskAsync("Be brief.", Question);

            Assert.NotNull(capture.SingleSpan().GetTagItem("gen_ai.input.messages"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(LlmTelemetryOptions.CaptureMessageContentEnvironmentVariable, previous);
        }
    }

    [Fact]
    public async Task Chat_messages_and_options_instructions_are_captured_with_roles_and_tool_calls()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "Weather in Paris?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call-1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris", ["days"] = 2 })]),
            new(ChatRole.Tool, [new FunctionResultContent("call-1", "sunny")]),
        ];

        await new ContentOperations(new FakeChatClient()).ConverseAsync(messages, new ChatOptions { Instructions = "You are terse." });

        Activity span = capture.SingleSpan();
        Assert.Equal(
            """[{"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]},""" +
            """{"role":"assistant","parts":[{"type":"tool_call","id":"call-1","name":"get_weather","arguments":{"city":"Paris","days":2}}]},""" +
            """{"role":"tool","parts":[{"type":"tool_call_response","id":"call-1","response":"sunny"}]}]""",
            span.GetTagItem("gen_ai.input.messages"));
        Assert.Equal("""[{"type":"text","content":"You are terse."}]""", span.GetTagItem("gen_ai.system_instructions"));
        AssertPartsMatchReference(span);
    }

    [Fact]
    public async Task Streamed_text_is_joined_into_one_output_message()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        await foreach (ChatResponseUpdate _ in new ContentOperations(new FakeChatClient { ChunkCount = 3, AnswerText = "one two three" }).StreamAsync(Question))
        {
        }

        Assert.Equal(
            """[{"role":"assistant","parts":[{"type":"text","content":"one two three "}],"finish_reason":"stop"}]""",
            capture.SingleSpan().GetTagItem("gen_ai.output.messages"));
        // A lone [Prompt] string goes through the runtime library's shared recorder, not a generated one.
        Assert.Equal(
            """[{"role":"user","parts":[{"type":"text","content":"What is the capital of France?"}]}]""",
            capture.SingleSpan().GetTagItem("gen_ai.input.messages"));
    }

    [Fact]
    public async Task Long_content_is_cut_at_the_cap_and_marked_truncated()
    {
        using var capture = new TelemetryCapture(configure: options =>
        {
            options.CaptureMessageContent = true;
            options.MaxContentLength = 8;
        });

        await new ContentOperations(new FakeChatClient()).AskAsync("Be brief.", Question);

        Activity span = capture.SingleSpan();
        Assert.Equal(
            """[{"role":"user","parts":[{"type":"text","content":"What is ","truncated":true}]}]""",
            span.GetTagItem("gen_ai.input.messages"));
        AssertPartsMatchReference(span);
    }

    [Fact]
    public async Task Classified_prompt_is_redacted_by_the_configured_redactor()
    {
        using var capture = new TelemetryCapture(configure: options =>
        {
            options.CaptureMessageContent = true;
            options.RedactorProvider = new StarRedactorProvider();
        });

        await new ContentOperations(new FakeChatClient()).AskPrivatelyAsync("My card is 4111 1111 1111 1111");

        string input = (string)capture.SingleSpan().GetTagItem("gen_ai.input.messages")!;
        Assert.DoesNotContain("4111", input);
        Assert.Equal("""[{"role":"user","parts":[{"type":"text","content":"***"}]}]""", input);
        Assert.Equal(new DataClassificationSet(new DataClassification("Contoso", "Private")), StarRedactorProvider.LastClassification);
    }

    [Fact]
    public async Task Classified_prompt_is_erased_when_no_redactor_is_configured()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        await new ContentOperations(new FakeChatClient()).AskPrivatelyAsync("My card is 4111 1111 1111 1111");

        Assert.Equal(
            """[{"role":"user","parts":[{"type":"text","content":""}]}]""",
            capture.SingleSpan().GetTagItem("gen_ai.input.messages"));
    }

    /// <summary>Every part in every content attribute has a type and the fields the reference requires for it.</summary>
    private static void AssertPartsMatchReference(Activity span)
    {
        JsonElement parts = SemanticConventionsReference.Instance.ContentParts;
        foreach (string attribute in new[] { "gen_ai.input.messages", "gen_ai.output.messages" })
        {
            if (span.GetTagItem(attribute) is not string json)
            {
                continue;
            }

            using JsonDocument messages = JsonDocument.Parse(json);
            foreach (JsonElement message in messages.RootElement.EnumerateArray())
            {
                Assert.True(message.TryGetProperty("role", out _), $"A message of {attribute} has no role.");
                foreach (JsonElement part in message.GetProperty("parts").EnumerateArray())
                {
                    AssertPart(parts, part);
                }
            }
        }

        if (span.GetTagItem("gen_ai.system_instructions") is string instructions)
        {
            using JsonDocument document = JsonDocument.Parse(instructions);
            foreach (JsonElement part in document.RootElement.EnumerateArray())
            {
                AssertPart(parts, part);
            }
        }
    }

    private static void AssertPart(JsonElement partSchemas, JsonElement part)
    {
        string type = part.GetProperty("type").GetString()!;
        JsonElement schema = partSchemas.TryGetProperty(type, out JsonElement known) ? known : partSchemas.GetProperty("generic");
        foreach (JsonElement required in schema.GetProperty("required").EnumerateArray())
        {
            Assert.True(part.TryGetProperty(required.GetString()!, out _), $"A '{type}' part lacks '{required.GetString()}'.");
        }
    }
}

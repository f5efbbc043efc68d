using System.Collections.Generic;
using System.Text.Json;
using LlmTelemetry.Instrumentation;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>The JSON writer of captured content, which is reused between calls on a thread.</summary>
public sealed class ContentWriterTests
{
    [Fact]
    public void A_reused_writer_starts_empty()
    {
        GenAiContentWriter first = GenAiContentWriter.ForMessages();
        first.WriteTextMessage("user", "first question");
        Assert.Equal("""[{"role":"user","parts":[{"type":"text","content":"first question"}]}]""", first.ToJson());

        GenAiContentWriter second = GenAiContentWriter.ForParts();
        second.WriteTextPart("instructions");

        Assert.Same(first, second);
        Assert.Equal("""[{"type":"text","content":"instructions"}]""", second.ToJson());
    }

    [Fact]
    public void A_writer_started_while_another_is_open_is_a_different_one()
    {
        GenAiContentWriter outer = GenAiContentWriter.ForMessages();
        outer.BeginMessage("assistant");
        GenAiContentWriter inner = GenAiContentWriter.ForParts();
        inner.WriteTextPart("inner");
        outer.WriteTextPart("outer");

        Assert.NotSame(outer, inner);
        Assert.Equal("""[{"type":"text","content":"inner"}]""", inner.ToJson());
        Assert.Equal("""[{"role":"assistant","parts":[{"type":"text","content":"outer"}]}]""", outer.ToJson());
    }

    [Fact]
    public void Tool_calls_results_and_non_json_arguments_stay_valid_json()
    {
        GenAiContentWriter writer = GenAiContentWriter.ForMessages();
        writer.BeginMessage("assistant");
        writer.WriteToolCallPart("c1", "lookup", new Dictionary<string, object?> { ["q"] = "x\"y", ["n"] = 3, ["f"] = 1.5, ["ok"] = true, ["none"] = null });
        writer.WriteToolCallPartWithJsonArguments("c2", "raw", """{"a":[1,2]}""");
        writer.WriteToolCallPartWithJsonArguments("c3", "broken", "{not json");
        writer.EndMessage("tool_calls");
        writer.BeginMessage("tool");
        writer.WriteToolCallResponsePart("c1", new { Temperature = 21 });
        string json = writer.ToJson();

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement parts = document.RootElement[0].GetProperty("parts");
        Assert.Equal("x\"y", parts[0].GetProperty("arguments").GetProperty("q").GetString());
        Assert.Equal(3, parts[0].GetProperty("arguments").GetProperty("n").GetInt32());
        Assert.Equal(2, parts[1].GetProperty("arguments").GetProperty("a")[1].GetInt32());
        Assert.Equal("{not json", parts[2].GetProperty("arguments").GetString());
        Assert.Equal("tool_calls", document.RootElement[0].GetProperty("finish_reason").GetString());
        Assert.Equal("{ Temperature = 21 }", document.RootElement[1].GetProperty("parts")[0].GetProperty("response").GetString());
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        LlmTelemetrySettings.Configure(options => options.MaxContentLength = 3);
        try
        {
            GenAiContentWriter writer = GenAiContentWriter.ForMessages();
            writer.WriteTextMessage("user", "ab\U0001F600cd"); // the emoji takes the 3rd and 4th UTF-16 units

            Assert.Equal("""[{"role":"user","parts":[{"type":"text","content":"ab","truncated":true}]}]""", writer.ToJson());
        }
        finally
        {
            LlmTelemetrySettings.Reset();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using LlmTelemetry.Tests.Operations.Block;
using LlmTelemetry.Tests.Operations.TypeShapes;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>Every return, method and type shape gets a working generated body: the right value and one span.</summary>
public sealed class ReturnShapeTests
{
    [Fact]
    public void Sync_value()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations();

        Completion result = operations.Complete("Hi");

        Assert.Same(operations.LastResult, result);
        AssertUserResultSpan(capture.SingleSpan());
    }

    [Fact]
    public void Sync_void()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations();

        operations.Fire("Hi");

        Assert.Equal(1, operations.Calls);
        Assert.Equal("chat local-model", capture.SingleSpan().DisplayName);
    }

    [Fact]
    public async Task Task_and_value_task_without_result()
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { Pending = true };

        await operations.FireAsync("Hi");
        await operations.FireValueAsync("Hi");

        Assert.Equal(2, operations.Calls);
        Assert.Equal(2, capture.OperationSpans.Count);
        Assert.All(capture.OperationSpans, span => Assert.Equal(ActivityStatusCode.Unset, span.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Task_of_result(bool pending)
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { Pending = pending };

        Completion result = await operations.CompleteAsync("Hi");

        Assert.Same(operations.LastResult, result);
        AssertUserResultSpan(capture.SingleSpan());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Value_task_of_result(bool pending)
    {
        using var capture = new TelemetryCapture();
        var operations = new ShapeOperations { Pending = pending };

        Completion result = await operations.CompleteValueAsync("Hi");

        Assert.Same(operations.LastResult, result);
        AssertUserResultSpan(capture.SingleSpan());
    }

    [Fact]
    public async Task Async_stream_of_text()
    {
        using var capture = new TelemetryCapture();

        var chunks = new List<string>();
        await foreach (string chunk in new ShapeOperations { ChunkCount = 3 }.StreamTextAsync("Hi"))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(["chunk0 ", "chunk1 ", "chunk2 "], chunks);
        Assert.Equal(true, capture.SingleSpan().GetTagItem("gen_ai.request.stream"));
    }

    [Fact]
    public async Task Async_stream_of_a_user_chunk_type()
    {
        using var capture = new TelemetryCapture();

        var chunks = new List<CompletionChunk>();
        await foreach (CompletionChunk chunk in new ShapeOperations().StreamChunksAsync("Hi"))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(2, chunks.Count);
        Assert.Equal(2L, capture.SingleSpan().GetTagItem("gen_ai.usage.output_tokens"));
    }

    [Fact]
    public void Static_method()
    {
        using var capture = new TelemetryCapture();

        Assert.Equal("HI", ShapeOperations.CompleteStatic("hi").Text);
        Assert.Equal("resp-1", capture.SingleSpan().GetTagItem("gen_ai.response.id"));
    }

    [Fact]
    public void Ref_out_in_and_params_parameters_pass_through()
    {
        using var capture = new TelemetryCapture();
        int counter = 41;

        Completion result = new ShapeOperations().CompleteWithReferences(ref counter, out string note, 3, "a", "b");

        Assert.Equal(42, counter);
        Assert.Equal("weight 3, 2 extra(s)", note);
        Assert.Equal("echo: weight 3, 2 extra(s)", result.Text);
        Assert.Single(capture.OperationSpans);
    }

    [Fact]
    public void Implementation_named_by_the_attribute()
    {
        using var capture = new TelemetryCapture();

        Assert.Equal("cached: Hi", new ShapeOperations().Answer("Hi"));
        Assert.Single(capture.OperationSpans);
    }

    [Fact]
    public void Generic_method_with_constraints()
    {
        using var capture = new TelemetryCapture();
        var value = new object();

        Assert.Same(value, new ShapeOperations().Echo(value));
        Assert.Single(capture.OperationSpans);
    }

    [Fact]
    public void Ref_struct_result()
    {
        using var capture = new TelemetryCapture();

        ReadOnlySpan<char> slice = new ShapeOperations().Slice("Hello world", 5);

        Assert.Equal("Hello", slice.ToString());
        Assert.Single(capture.OperationSpans);
    }

    [Fact]
    public async Task Generic_and_nested_types()
    {
        using var capture = new TelemetryCapture();
        var inner = new Outer.Inner<string>();

        Assert.Equal("Hi ... completed for ctx", await inner.CompleteAsync("ctx", "Hi"));
        Assert.Equal("2 item(s)", (await Outer.Inner<string>.Summarize<int>([1, 2])).Text);

        Assert.Equal(["text_completion gpt-3.5-turbo-instruct", "chat claude-sonnet"], capture.OperationSpans.Select(s => s.DisplayName));
        Assert.Equal("anthropic", capture.OperationSpans[1].GetTagItem("gen_ai.provider.name"));
    }

    [Fact]
    public async Task Structs_records_and_keywords()
    {
        using var capture = new TelemetryCapture();
        var counter = new TokenCounter();

        Assert.Equal("Hi", counter.Count("Hi").Text);
        Assert.Equal(1, counter.Calls); // the implementation ran on the struct itself, not on a copy
        Assert.Equal("model m", new ReadOnlyModel("m").Describe());
        await new Assistant("a").GreetAsync("Hello");
        Assert.Equal("search(q)", new Tool("search").Run("q"));
        Assert.Equal("e7", new Keywords().@class("e", 7));

        Assert.Equal(5, capture.OperationSpans.Count);
        Assert.Equal(2L, capture.OperationSpans[0].GetTagItem("gen_ai.usage.input_tokens"));
    }

    [Fact]
    public void Block_and_global_namespaces()
    {
        using var capture = new TelemetryCapture();

        Assert.Equal("block: q", new BlockNamespaceOperations().Ask("q"));
        Assert.Equal("global: q", new GlobalNamespaceOperations().Ask("q"));
        Assert.Equal(2, capture.OperationSpans.Count);
    }

    private static void AssertUserResultSpan(Activity span)
    {
        Assert.Equal("chat local-model", span.DisplayName);
        Assert.Equal(10L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(20L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal("local-model-1", span.GetTagItem("gen_ai.response.model"));
        Assert.Equal("resp-1", span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(new[] { "stop" }, span.GetTagItem("gen_ai.response.finish_reasons"));
        SpanConventionTests.AssertMatchesReference(span);
    }
}

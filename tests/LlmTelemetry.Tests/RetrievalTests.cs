using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using LlmTelemetry.Tests.Operations;
using Microsoft.Extensions.VectorData;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>[Retrieval] spans: named by the data source, with the documents returned counted and scored.</summary>
public sealed class RetrievalTests
{
    [Fact]
    public async Task Retrieval_span_has_the_reference_name_kind_and_attributes()
    {
        using var capture = new TelemetryCapture();

        IReadOnlyList<Article> articles = await new RetrievalOperations().SearchAsync("refund", top: 2);

        Assert.Equal(2, articles.Count);
        Activity span = capture.SingleSpan();
        Assert.Equal("retrieval help-center", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("retrieval", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("help-center", span.GetTagItem("gen_ai.data_source.id"));
        Assert.Equal("azure.ai.inference", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("text-embedding-3-small", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(2L, span.GetTagItem("gen_ai.retrieval.top_k"));
        Assert.Equal(2, span.GetTagItem("llm_telemetry.retrieval.document_count"));
        Assert.Equal(0.91, span.GetTagItem("llm_telemetry.retrieval.best_score"));
        Assert.Null(span.GetTagItem("gen_ai.retrieval.documents")); // content capture is off
        Assert.Null(span.GetTagItem("gen_ai.retrieval.query.text"));
        SpanConventionTests.AssertMatchesReference(span);
    }

    [Fact]
    public async Task With_content_capture_the_query_and_the_documents_ids_and_scores_are_recorded()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        await new RetrievalOperations().SearchAsync("how long do refunds take?");

        Activity span = capture.SingleSpan();
        Assert.Equal("how long do refunds take?", span.GetTagItem("gen_ai.retrieval.query.text"));
        Assert.Equal("""[{"id":"kb-1","score":0.91},{"id":"kb-2","score":0.84},{"id":"kb-3","score":0.42}]""", span.GetTagItem("gen_ai.retrieval.documents"));
        SpanConventionTests.AssertMatchesReference(span);
    }

    [Theory]
    [InlineData("doc-{0}")]
    [InlineData("\"quoted\" {0} 😀")] // escaped in the JSON: longer there than the id
    public void The_documents_attribute_holds_the_length_cap_with_its_JSON(string idFormat)
    {
        using var capture = new TelemetryCapture(configure: options =>
        {
            options.CaptureMessageContent = true;
            options.MaxContentLength = 300;
        });
        Article[] documents = Enumerable.Range(1, 60).Select(i => new Article(string.Format(idFormat, i), "text", 0.5)).ToArray();

        new RetrievalOperations().Pass(documents);

        Activity span = capture.SingleSpan();
        string json = Assert.IsType<string>(span.GetTagItem("gen_ai.retrieval.documents"));
        Assert.InRange(json.Length, 200, 300); // held, and not by leaving most of the room unused
        using JsonDocument parsed = JsonDocument.Parse(json);
        JsonElement[] entries = parsed.RootElement.EnumerateArray().ToArray();
        Assert.True(entries[^1].GetProperty("truncated").GetBoolean());
        Assert.Equal(documents.Take(entries.Length - 1).Select(static d => d.Id), entries[..^1].Select(static e => e.GetProperty("id").GetString()));
        Assert.Equal(60, span.GetTagItem("llm_telemetry.retrieval.document_count")); // the count is of all of them
    }

    [Fact]
    public void A_cap_too_small_for_any_document_leaves_an_empty_list()
    {
        using var capture = new TelemetryCapture(configure: options =>
        {
            options.CaptureMessageContent = true;
            options.MaxContentLength = 12;
        });

        new RetrievalOperations().Pass(RetrievalOperations.Articles);

        Assert.Equal("[]", capture.SingleSpan().GetTagItem("gen_ai.retrieval.documents"));
    }

    [Fact]
    public async Task A_stream_of_vector_search_results_is_counted_chunk_by_chunk_with_the_run_time_data_source()
    {
        using var capture = new TelemetryCapture(configure: options => options.CaptureMessageContent = true);

        int read = 0;
        await foreach (VectorSearchResult<ArticleRecord> _ in new RetrievalOperations().SearchVectorsAsync("refund", "articles-v2"))
        {
            read++;
        }

        Assert.Equal(2, read);
        Activity span = capture.SingleSpan();
        Assert.Equal("retrieval articles-v2", span.DisplayName);
        Assert.Equal("articles-v2", span.GetTagItem("gen_ai.data_source.id"));
        Assert.Equal(5L, span.GetTagItem("gen_ai.retrieval.top_k"));
        Assert.Equal(2, span.GetTagItem("llm_telemetry.retrieval.document_count"));
        Assert.Equal(0.7, span.GetTagItem("llm_telemetry.retrieval.best_score"));
        Assert.Null(span.GetTagItem("gen_ai.request.stream")); // not an attribute of retrieval spans
        Assert.Equal(
            $$"""[{"id":"{{RetrievalOperations.RecordKeys[0]}}","score":0.7},{"id":"{{RetrievalOperations.RecordKeys[1]}}","score":0.6}]""",
            span.GetTagItem("gen_ai.retrieval.documents"));
        SpanConventionTests.AssertMatchesReference(span);
    }

    [Fact]
    public void Arrays_and_lists_are_read_and_an_empty_result_counts_zero()
    {
        using var capture = new TelemetryCapture();
        var retrieval = new RetrievalOperations();

        Assert.Equal(3, retrieval.Lookup("q").Length);
        Assert.Equal(3, retrieval.LookupList("q").Count);
        Assert.Empty(retrieval.Lookup(string.Empty));

        Assert.Equal(3, capture.OperationSpans[0].GetTagItem("llm_telemetry.retrieval.document_count"));
        Assert.Equal(0.91, capture.OperationSpans[1].GetTagItem("llm_telemetry.retrieval.best_score"));
        Assert.Equal(0, capture.OperationSpans[2].GetTagItem("llm_telemetry.retrieval.document_count"));
        Assert.Null(capture.OperationSpans[2].GetTagItem("llm_telemetry.retrieval.best_score"));
        Assert.All(capture.OperationSpans, span => Assert.Equal("retrieval faq", span.DisplayName));
    }

    [Fact]
    public async Task A_failed_retrieval_records_its_error_and_the_duration_metric()
    {
        using var capture = new TelemetryCapture();
        var failure = new TimeoutException("search timed out");

        Assert.Same(failure, await Assert.ThrowsAsync<TimeoutException>(() => new RetrievalOperations { Failure = failure }.SearchAsync("q")));

        Activity span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("System.TimeoutException", span.GetTagItem("error.type"));
        MetricPoint duration = Assert.Single(TelemetryCapture.Points(capture.Metric("gen_ai.client.operation.duration")));
        Dictionary<string, object?> tags = TelemetryCapture.Tags(duration);
        Assert.Equal("retrieval", tags["gen_ai.operation.name"]);
        Assert.Equal("System.TimeoutException", tags["error.type"]);
        SpanConventionTests.AssertMatchesReference(span);
    }
}

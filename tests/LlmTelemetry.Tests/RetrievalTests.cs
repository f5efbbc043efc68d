using System;
using System.Collections.Generic;
using System.Diagnostics;
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

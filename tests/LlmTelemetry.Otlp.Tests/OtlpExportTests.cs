using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>
/// What a user sees in a backend after OTLP export: an app built from the package records every shape LlmTelemetry has
/// (a chat call with usage, finish reasons and an inline evaluation, a background evaluation, a stream, a failed call, a
/// retrieval with content capture on, embeddings) under one parent span, exports it over OTLP/gRPC or OTLP/HTTP to the
/// Aspire dashboard, and the spans the dashboard serves back must be those the app's in-process exporter saw: names,
/// kinds, parents, links, every attribute and event. The shapes themselves are pinned too, so that a change in what is
/// recorded shows here as well as in the in-memory tests.
/// </summary>
public sealed class OtlpExportTests(OtlpAppFixture app) : IClassFixture<OtlpAppFixture>
{
    private const int Internal = 1;
    private const int Client = 3;

    [DashboardFact]
    public Task Everything_recorded_arrives_over_OTLP_gRPC() => ExportAndCompareAsync("baseline", "grpc", app.Dashboard.OtlpGrpcEndpoint);

    [DashboardFact]
    public Task Everything_recorded_arrives_over_OTLP_HTTP_protobuf() => ExportAndCompareAsync("baseline", "http/protobuf", app.Dashboard.OtlpHttpEndpoint);

    [DashboardFact]
    public Task Everything_recorded_with_the_latest_conventions_arrives_over_OTLP_gRPC() => ExportAndCompareAsync("latest", "grpc", app.Dashboard.OtlpGrpcEndpoint);

    [DashboardFact]
    public Task Everything_recorded_with_the_latest_conventions_arrives_over_OTLP_HTTP_protobuf() => ExportAndCompareAsync("latest", "http/protobuf", app.Dashboard.OtlpHttpEndpoint);

    private async Task ExportAndCompareAsync(string conventions, string protocol, string endpoint)
    {
        string service = $"otlp-{conventions}-{(protocol == "grpc" ? "grpc" : "http")}";
        string recordedFile = await app.RunAppAsync(conventions, service, protocol, endpoint);
        using JsonDocument recordedJson = JsonDocument.Parse(await File.ReadAllTextAsync(recordedFile));
        List<ExportedSpan> recorded = ExportedSpan.FromApp(recordedJson.RootElement);
        List<ExportedSpan> arrived = await ArrivedAsync(service, recorded.Count);

        AssertShapes(recorded, latest: conventions == "latest");
        AssertSameSpans(recorded, arrived);
        await AssertMetricsArrivedAsync(service);
    }

    // The dashboard stores what it receives asynchronously: poll until every recorded span is there (or time out).
    private async Task<List<ExportedSpan>> ArrivedAsync(string service, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using JsonDocument? answer = await app.Dashboard.GetAsync($"/api/telemetry/traces?resource={Uri.EscapeDataString(service)}");
            List<ExportedSpan> spans = answer is null ? new() : ExportedSpan.FromDashboard(answer.RootElement);
            if (spans.Count >= count || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.True(spans.Count == count, $"{spans.Count} of the {count} spans the app recorded arrived in the dashboard as '{service}'.\nDashboard output:\n{app.Dashboard.Output}");
                return spans;
            }

            await Task.Delay(250);
        }
    }

    // What the app records, as the docs promise it: the span tree, kinds, the failed call, usage, the evaluations. With the
    // v0.1.0 conventions the retrieval span is named by its operation alone and is of kind Internal.
    private static void AssertShapes(List<ExportedSpan> spans, bool latest)
    {
        ExportedSpan request = Assert.Single(spans, s => s.Name == "support request");
        Assert.Equal(Internal, request.Kind);
        Assert.Null(request.ParentSpanId);

        ExportedSpan retrieval = Assert.Single(spans, s => s.Name == (latest ? "retrieval" : "retrieval help-center"));
        Assert.Equal(latest ? Internal : Client, retrieval.Kind);
        List<ExportedSpan> chats = spans.Where(static s => s.Name == "chat gpt-4o-mini").ToList();
        ExportedSpan embeddings = Assert.Single(spans, s => s.Name == "embeddings text-embedding-3-small");
        Assert.Equal(3, chats.Count); // the answer, the stream, the failed call
        foreach (ExportedSpan call in chats.Append(embeddings))
        {
            Assert.Equal(Client, call.Kind);
        }

        foreach (ExportedSpan call in chats.Append(retrieval).Append(embeddings))
        {
            Assert.Equal(request.SpanId, call.ParentSpanId);
            Assert.Equal(request.TraceId, call.TraceId);
        }

        Assert.Equal("help-center", retrieval.Attributes["gen_ai.data_source.id"]);
        Assert.Contains("kb-12", retrieval.Attributes["gen_ai.retrieval.documents"]); // content capture is on
        Assert.Equal("refund policy", retrieval.Attributes["gen_ai.retrieval.query.text"]);

        ExportedSpan answer = Assert.Single(chats, s => s.Attributes.GetValueOrDefault("gen_ai.response.id") == "resp-1");
        Assert.Equal("52", answer.Attributes["gen_ai.usage.input_tokens"]);
        Assert.Equal("9", answer.Attributes["gen_ai.usage.output_tokens"]);
        Assert.True(ExportedSpan.SameValue("[\"stop\"]", answer.Attributes["gen_ai.response.finish_reasons"]));
        ExportedEvent inline = Assert.Single(answer.Events, e => e.Name == "gen_ai.evaluation.result");
        Assert.Equal("Groundedness", inline.Attributes["gen_ai.evaluation.name"]);
        Assert.Equal("grounded", inline.Attributes["gen_ai.evaluation.score.label"]);

        ExportedSpan failed = Assert.Single(chats, s => s.Failed);
        Assert.Equal("System.TimeoutException", failed.Attributes["error.type"]);
        Assert.Contains(failed.Events, e => e.Name == (latest ? "gen_ai.client.inference.exception" : "exception"));

        ExportedSpan background = Assert.Single(spans, s => s.Name == "evaluate Politeness");
        Assert.Contains((answer.TraceId, answer.SpanId), background.Links);
        ExportedEvent judged = Assert.Single(background.Events, e => e.Name == "gen_ai.evaluation.result");
        Assert.Equal("Politeness", judged.Attributes["gen_ai.evaluation.name"]);

        Assert.Equal("6", embeddings.Attributes["gen_ai.usage.input_tokens"]);
    }

    // Every span the app recorded arrived as it was recorded.
    private static void AssertSameSpans(List<ExportedSpan> recorded, List<ExportedSpan> arrived)
    {
        foreach (ExportedSpan expected in recorded)
        {
            ExportedSpan? actual = arrived.SingleOrDefault(s => s.SpanId == expected.SpanId);
            Assert.True(actual is not null, $"The span '{expected.Name}' ({expected.SpanId}) did not arrive.");
            string span = $"span '{expected.Name}' ({expected.SpanId})";
            Assert.True((expected.TraceId, expected.Name, expected.Kind, expected.ParentSpanId, expected.Failed) == (actual!.TraceId, actual.Name, actual.Kind, actual.ParentSpanId, actual.Failed),
                $"The {span} arrived as '{actual.Name}', kind {actual.Kind}, parent {actual.ParentSpanId}, failed {actual.Failed}, trace {actual.TraceId}.");
            AssertSameAttributes(span, expected.Attributes, actual.Attributes);
            Assert.Equal(expected.Events.Select(static e => e.Name), actual.Events.Select(static e => e.Name));
            for (int i = 0; i < expected.Events.Count; i++)
            {
                AssertSameAttributes($"event '{expected.Events[i].Name}' of the {span}", expected.Events[i].Attributes, actual.Events[i].Attributes);
            }

            Assert.Equal(expected.Links, actual.Links);
        }
    }

    private static void AssertSameAttributes(string owner, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        Assert.True(expected.Keys.OrderBy(static k => k, StringComparer.Ordinal).SequenceEqual(actual.Keys.OrderBy(static k => k, StringComparer.Ordinal)),
            $"The {owner} has attributes [{string.Join(", ", actual.Keys)}] where [{string.Join(", ", expected.Keys)}] were recorded.");
        foreach ((string key, string value) in expected)
        {
            Assert.True(ExportedSpan.SameValue(value, actual[key]), $"{key} of the {owner} is '{actual[key]}' where '{value}' was recorded.");
        }
    }

    private async Task AssertMetricsArrivedAsync(string service)
    {
        using JsonDocument? resources = await app.Dashboard.GetAsync("/api/telemetry/resources");
        Assert.NotNull(resources);
        JsonElement resource = Assert.Single(resources.RootElement.EnumerateArray(), r => r.GetProperty("name").GetString() == service);
        Assert.True(resource.GetProperty("hasMetrics").GetBoolean(), $"No metrics arrived for '{service}'.");
    }
}

// Records every shape of telemetry LlmTelemetry has, exports it over OTLP (the endpoint and protocol come from the
// standard OTEL_EXPORTER_OTLP_* environment variables, the service name from OTEL_SERVICE_NAME), and writes what the
// in-process exporter saw to the file named by the first argument, for the test to compare with what the backend got.
using System.Diagnostics;
using System.Text.Json;
using LlmTelemetry;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var recorded = new List<Activity>();
var application = new ActivitySource("OtlpApp");
using (TracerProvider tracing = Sdk.CreateTracerProviderBuilder()
    .AddSource(application.Name)
    .AddLlmTelemetry()
    .AddInMemoryExporter(recorded)
    .AddOtlpExporter()
    .Build())
using (MeterProvider metering = Sdk.CreateMeterProviderBuilder().AddLlmTelemetry().AddOtlpExporter().Build())
{
    var assistant = new Assistant();
    using (application.StartActivity("support request"))
    {
        IReadOnlyList<Article> articles = await assistant.SearchAsync("refund policy");
        ChatResponse answer = await assistant.AnswerAsync($"Using {articles[0].Id}: what is the refund policy?");
        await foreach (ChatResponseUpdate update in assistant.StreamAsync("Say it in three words"))
        {
            _ = update.Text;
        }

        try
        {
            await assistant.FailAsync("This call fails");
        }
        catch (TimeoutException)
        {
        }

        GeneratedEmbeddings<Embedding<float>> embeddings = await assistant.EmbedAsync(["refund", answer.Text]);
        Console.WriteLine($"answer: {answer.Text} ({embeddings.Count} embeddings)");
    }

    await LlmEvaluations.FlushAsync();
    metering.ForceFlush();
}

// After the providers are disposed: every span has ended, the background evaluation's included.
var spans = recorded.Select(static span => new RecordedSpan(
    span.TraceId.ToHexString(),
    span.SpanId.ToHexString(),
    span.ParentSpanId == default ? null : span.ParentSpanId.ToHexString(),
    span.DisplayName,
    (int)span.Kind + 1, // OTLP numbers kinds from 1 (Internal), ActivityKind from 0
    span.Status == ActivityStatusCode.Error,
    span.TagObjects.Select(static tag => new RecordedAttribute(tag.Key, Text(tag.Value))).ToArray(),
    span.Events.Select(static e => new RecordedEvent(e.Name, e.Tags.Select(static tag => new RecordedAttribute(tag.Key, Text(tag.Value))).ToArray())).ToArray(),
    span.Links.Select(static link => new RecordedLink(link.Context.TraceId.ToHexString(), link.Context.SpanId.ToHexString())).ToArray())).ToArray();
File.WriteAllText(args[0], JsonSerializer.Serialize(spans));
Console.WriteLine($"recorded {spans.Length} spans");

// Values as the OTLP JSON a backend serves them: arrays as JSON, numbers invariant.
static string Text(object? value) => value switch
{
    null => "",
    string text => text,
    bool flag => flag ? "true" : "false",
    IFormattable number and not Array => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
    _ => JsonSerializer.Serialize(value),
};

internal sealed record RecordedSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, int Kind, bool Failed, RecordedAttribute[] Attributes, RecordedEvent[] Events, RecordedLink[] Links);

internal sealed record RecordedAttribute(string Key, string Value);

internal sealed record RecordedEvent(string Name, RecordedAttribute[] Attributes);

internal sealed record RecordedLink(string TraceId, string SpanId);

using System.Diagnostics;
using LlmTelemetry;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SupportBot;
using SupportBot.Console;
using SupportBot.Model;

// Telemetry is wired once, as in any OpenTelemetry application. Set OTEL_EXPORTER_OTLP_ENDPOINT to also send it to a
// collector, the Aspire dashboard, Jaeger or Langfuse; set OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true to
// record prompts and answers on the spans.
bool exportOtlp = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
var traceTree = new TraceTreeWriter();
var requests = new ActivitySource("SupportBot");
var metrics = new List<Metric>();

TracerProviderBuilder tracing = Sdk.CreateTracerProviderBuilder()
    .ConfigureResource(resource => resource.AddService("SupportBot"))
    .AddSource(requests.Name)
    .AddLlmTelemetry()
    .AddProcessor(traceTree);
MeterProviderBuilder metering = Sdk.CreateMeterProviderBuilder()
    .ConfigureResource(resource => resource.AddService("SupportBot"))
    .AddLlmTelemetry()
    .AddInMemoryExporter(metrics);
if (exportOtlp)
{
    tracing.AddOtlpExporter();
    metering.AddOtlpExporter();
}

using TracerProvider tracerProvider = tracing.Build();
using MeterProvider meterProvider = metering.Build();

ChatBackend backend = ChatBackend.FromEnvironment();
Console.WriteLine($"Model: {backend.Description}\n");
var assistant = new SupportAssistant(backend.Client, new HelpCenter(), backend.Model);
string[] questions =
[
    "How long does a refund take?",
    "I forgot my password, what now?",
    "Is there an outage right now?",
];

foreach (string question in questions)
{
    using Activity? request = requests.StartActivity("support request");
    Console.WriteLine($"Q: {question}");
    try
    {
        ChatResponse response = await assistant.AskAsync(question);
        Console.WriteLine($"A: {response.Text}\n");
    }
    catch (Exception exception) when (exception is not OperationCanceledException) // a model that fails: shown, and on the trace
    {
        Console.WriteLine($"A: (failed: {exception.Message})\n");
    }
}

using (requests.StartActivity("support request (streamed)"))
{
    const string question = "When will my shipping arrive?";
    Console.WriteLine($"Q: {question}");
    Console.Write("A: ");
    try
    {
        await foreach (ChatResponseUpdate update in assistant.StreamAnswerAsync(question))
        {
            Console.Write(update.Text);
        }
    }
    catch (Exception exception) when (exception is not OperationCanceledException) // a model that fails: shown, and on the trace
    {
        Console.Write($"(failed: {exception.Message})");
    }

    Console.WriteLine("\n");
}

Console.WriteLine("Traces");
Console.WriteLine("──────");
traceTree.Write(Console.Out);

meterProvider.ForceFlush();
Console.WriteLine();
Console.WriteLine("Metrics (LlmTelemetry meter)");
Console.WriteLine("────────────────────────────");
foreach (Metric metric in metrics.Where(m => m.MeterName == "LlmTelemetry"))
{
    foreach (ref readonly MetricPoint point in metric.GetMetricPoints())
    {
        string tags = string.Join(", ", EnumerateTags(point)
            .Where(t => t.Key is "gen_ai.operation.name" or "gen_ai.token.type" or "gen_ai.token.modality" or "error.type" or "gen_ai.evaluation.name" or "llm_telemetry.evaluation.passed")
            .Select(t => $"{t.Key}={t.Value}"));
        string value = metric.MetricType.IsHistogram()
            ? $"count {point.GetHistogramCount(),3}  sum {point.GetHistogramSum(),9:0.###}"
            : $"total {point.GetSumLong(),3}{string.Empty,16}";
        Console.WriteLine($"{metric.Name,-54} {metric.Unit,-12} {value}  {tags}");
    }
}

if (exportOtlp)
{
    Console.WriteLine($"\nAlso exported over OTLP to {Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")}.");
}

static IEnumerable<KeyValuePair<string, object?>> EnumerateTags(MetricPoint point)
{
    var tags = new List<KeyValuePair<string, object?>>();
    foreach (KeyValuePair<string, object?> tag in point.Tags)
    {
        tags.Add(tag);
    }

    return tags;
}

// A new user's console app as first written: each mistake the code fixes repair, with the documented provider setup.
using System.Diagnostics;
using LlmTelemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var spans = new List<Activity>();
var metrics = new List<Metric>();
using (TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(spans).Build())
using (MeterProvider metering = Sdk.CreateMeterProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(metrics).Build())
{
    using var model = new EchoModel();
    var assistant = new Assistant(model, NullLogger.Instance);
    await assistant.FaqAsync("opening hours");
    await assistant.AskAsync("Can I get a refund?");
    await new Summaries(model).QuickSummaryAsync("A long text.");
    await new Translator(model).TranslateAsync("Bonjour");
    metering.ForceFlush();
}

foreach (Activity span in spans)
{
    string tags = string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
    Console.WriteLine($"SPAN {span.Source.Name}|{span.DisplayName}|{span.Kind}|{tags}");
}

foreach (Metric metric in metrics)
{
    Console.WriteLine($"METRIC {metric.MeterName}|{metric.Name}");
}

public sealed class Assistant(IChatClient chat, ILogger logger)
{
    private const string ChatModel = "gpt-4o-mini";

    // LLMT0001, LLMT0003: marked, but written with a body.
    [LlmOperation(Provider = "openai", Model = ChatModel)]
    public Task<ChatResponse> FaqAsync([Prompt] string topic) => chat.GetResponseAsync("FAQ: " + topic);

    // LLMT2002: a client handed in by the caller; LLMT1001: the question is logged as it is.
    public async Task<ChatResponse> AskAsync(string question)
    {
        logger.LogInformation("Asked: {Question}", question);
        return await chat.GetResponseAsync(question, new ChatOptions { ModelId = ChatModel });
    }
}

public partial class Summaries(IChatClient chat)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<ChatResponse> SummarizeAsync([Prompt] string text);

    private Task<ChatResponse> SummarizeCoreAsync(string text) => chat.GetResponseAsync("Summarize: " + text);

    // LLMT2004: the implementation called directly.
    public Task<ChatResponse> QuickSummaryAsync(string text) => SummarizeCoreAsync(text);
}

public sealed class Translator
{
    private readonly IChatClient _chat;

    // LLMT2001: a pipeline built here without telemetry.
    public Translator(IChatClient inner) => _chat = new ChatClientBuilder(inner).Build();

    public Task<ChatResponse> TranslateAsync(string text) => _chat.GetResponseAsync("Translate: " + text, new ChatOptions { ModelId = "gpt-4o-mini" });
}

// The model, in process: a fixed answer with token usage.
public sealed class EchoModel : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo"))
        {
            ModelId = "gpt-4o-mini-2024-07-18",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 1 },
        });

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

// A new user's console app: LlmTelemetry from the package, OpenTelemetry's SDK, one operation per return shape.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using LlmTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var spans = new List<Activity>();
var metrics = new List<Metric>();
using (TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(spans).Build())
using (MeterProvider metering = Sdk.CreateMeterProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(metrics).Build())
{
    var model = new LocalModel();
    model.Warm();
    Console.WriteLine($"sync: {model.Complete("Hi").Text}");
    await model.WarmAsync();
    Console.WriteLine($"task: {(await model.CompleteAsync("Hi")).Text}");
    await model.WarmValueAsync();
    Console.WriteLine($"valuetask: {(await model.CompleteValueAsync("Hi")).Text}");
    await foreach (string chunk in model.StreamAsync("Hi"))
    {
        Console.WriteLine($"chunk: {chunk}");
    }

    metering.ForceFlush();
}

foreach (Activity span in spans)
{
    string tags = string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={(t.Value is string[] a ? string.Join(",", a) : t.Value)}"));
    Console.WriteLine($"SPAN {span.DisplayName}|{span.Kind}|{tags}");
}

foreach (Metric metric in metrics)
{
    Console.WriteLine($"METRIC {metric.Name}|{metric.Unit}");
}

public sealed record Answer(
    [property: ResponseText] string Text,
    [property: InputTokens] int PromptTokens,
    [property: OutputTokens] int CompletionTokens,
    [property: ResponseModel] string Model,
    [property: FinishReason] string Reason);

public partial class LocalModel
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial void Warm();

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Answer Complete([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task WarmAsync();

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<Answer> CompleteAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial ValueTask WarmValueAsync();

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial ValueTask<Answer> CompleteValueAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial IAsyncEnumerable<string> StreamAsync([Prompt] string prompt, CancellationToken cancellationToken = default);

    private void WarmCore()
    {
    }

    private Answer CompleteCore(string prompt) => Echo(prompt);

    private Task WarmCoreAsync() => Task.Delay(1);

    private async Task<Answer> CompleteCoreAsync(string prompt)
    {
        await Task.Delay(1);
        return Echo(prompt);
    }

    private ValueTask WarmValueCoreAsync() => ValueTask.CompletedTask;

    private ValueTask<Answer> CompleteValueCoreAsync(string prompt) => new(Echo(prompt));

    private static Answer Echo(string prompt) => new("echo " + prompt, 3, 5, "gpt-4o-mini-2024-07-18", "stop");

    private async IAsyncEnumerable<string> StreamCoreAsync(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string word in new[] { "one", "two", "three" })
        {
            await Task.Yield();
            yield return word;
        }
    }
}

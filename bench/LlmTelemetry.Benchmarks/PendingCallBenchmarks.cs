using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>A chat call whose task is not complete when it returns (the model yields first), awaited through each variant.</summary>
[MemoryDiagnoser]
public class PendingCallBenchmarks : VariantBenchmarks
{
    [Params(TelemetryState.Idle, TelemetryState.Traced)]
    public override TelemetryState State { get; set; }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Direct() => Model.GetResponseAsync(Messages);

    [Benchmark]
    public Task<ChatResponse> HandWritten() => HandWrittenVariant.ChatAsync(Messages);

    [Benchmark]
    public Task<ChatResponse> MeaiUseOpenTelemetry() => MeaiVariant.GetResponseAsync(Messages);

    [Benchmark]
    public Task<ChatResponse> LlmTelemetry() => GeneratedVariant.ChatAsync(Messages);

    /// <summary>The span ended in a continuation on the implementation's own task, as before issue #26.</summary>
    [Benchmark]
    public Task<ChatResponse> LlmTelemetryContinuation() => ContinuationVariant.ChatAsync(Messages);

    protected override FakeModel CreateModel() => new() { Yield = true };
}

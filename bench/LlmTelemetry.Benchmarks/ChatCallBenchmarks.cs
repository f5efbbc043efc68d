using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// One completed chat call through each variant, in each telemetry state. Ratios are to the direct call in the
/// same process and state.
/// </summary>
[MemoryDiagnoser]
public class ChatCallBenchmarks : VariantBenchmarks
{
    [Params(TelemetryState.Idle, TelemetryState.MetricsOnly, TelemetryState.Traced, TelemetryState.TracedWithContent)]
    public override TelemetryState State { get; set; }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Direct() => Model.GetResponseAsync(Messages);

    [Benchmark]
    public Task<ChatResponse> HandWritten() => HandWrittenVariant.ChatAsync(Messages);

    [Benchmark]
    public Task<ChatResponse> MeaiUseOpenTelemetry() => MeaiVariant.GetResponseAsync(Messages);

    [Benchmark]
    public Task<ChatResponse> LlmTelemetry() => GeneratedVariant.ChatAsync(Messages);

    /// <summary>The same call with the v0.1.0 conventions (<c>LlmTelemetrySemanticConventions=latest</c>).</summary>
    [Benchmark]
    public Task<ChatResponse> LlmTelemetryLatest() => LatestVariant.ChatAsync(Messages);

    protected override FakeModel CreateModel() => new();
}

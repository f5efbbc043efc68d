using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>A 100-chunk stream of cached updates read to the end through each variant; per-chunk cost is the figure divided by 100.</summary>
[MemoryDiagnoser]
public class StreamBenchmarks : VariantBenchmarks
{
    [Params(TelemetryState.Idle, TelemetryState.Traced)]
    public override TelemetryState State { get; set; }

    [Benchmark(Baseline = true)]
    public Task<int> BareStream() => DrainAsync(Model.GetStreamingResponseAsync(Messages));

    [Benchmark]
    public Task<int> HandWritten() => DrainAsync(HandWrittenVariant.StreamAsync(Messages));

    [Benchmark]
    public Task<int> MeaiUseOpenTelemetry() => DrainAsync(MeaiVariant.GetStreamingResponseAsync(Messages));

    [Benchmark]
    public Task<int> LlmTelemetry() => DrainAsync(GeneratedVariant.StreamAsync(Messages));

    protected override FakeModel CreateModel() => new(chunks: 100);

    private static async Task<int> DrainAsync(IAsyncEnumerable<ChatResponseUpdate> stream)
    {
        int chunks = 0;
        await foreach (ChatResponseUpdate _ in stream)
        {
            chunks++;
        }

        return chunks;
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>A 100-chunk stream of cached updates read to the end through each variant; per-chunk cost is the figure divided by 100.</summary>
[MemoryDiagnoser]
public class StreamBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "Tell me a story.")];
    private FakeModel _model = null!;
    private HandWrittenInstrumentation _handWritten = null!;
    private IChatClient _meai = null!;
    private GeneratedOperations _generated = null!;
    private TelemetryListeners? _listeners;

    [Params(TelemetryState.Idle, TelemetryState.Traced)]
    public TelemetryState State { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new FakeModel(chunks: 100);
        _handWritten = new HandWrittenInstrumentation(_model);
        _meai = TelemetryListeners.UseOpenTelemetry(_model, State);
        _generated = new GeneratedOperations(_model);
        _listeners = new TelemetryListeners(State);
    }

    [GlobalCleanup]
    public void Cleanup() => _listeners?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> BareStream() => DrainAsync(_model.GetStreamingResponseAsync(_messages));

    [Benchmark]
    public Task<int> HandWritten() => DrainAsync(_handWritten.StreamAsync(_messages));

    [Benchmark]
    public Task<int> MeaiUseOpenTelemetry() => DrainAsync(_meai.GetStreamingResponseAsync(_messages));

    [Benchmark]
    public Task<int> LlmTelemetry() => DrainAsync(_generated.StreamAsync(_messages));

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

using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>A chat call whose task is not complete when it returns (the model yields first), awaited through each variant.</summary>
[MemoryDiagnoser]
public class PendingCallBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "What is the capital of France?")];
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
        _model = new FakeModel { Yield = true };
        _handWritten = new HandWrittenInstrumentation(_model);
        _meai = TelemetryListeners.UseOpenTelemetry(_model, State);
        _generated = new GeneratedOperations(_model);
        _listeners = new TelemetryListeners(State);
    }

    [GlobalCleanup]
    public void Cleanup() => _listeners?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Direct() => _model.GetResponseAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> HandWritten() => _handWritten.ChatAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> MeaiUseOpenTelemetry() => _meai.GetResponseAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> LlmTelemetry() => _generated.ChatAsync(_messages);
}

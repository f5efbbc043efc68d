using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// One completed chat call through each variant, in each telemetry state. Ratios are to the direct call in the
/// same process and state.
/// </summary>
[MemoryDiagnoser]
public class ChatCallBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "What is the capital of France?")];
    private FakeModel _model = null!;
    private HandWrittenInstrumentation _handWritten = null!;
    private IChatClient _meai = null!;
    private GeneratedOperations _generated = null!;
    private TelemetryListeners? _listeners;

    [Params(TelemetryState.Idle, TelemetryState.MetricsOnly, TelemetryState.Traced, TelemetryState.TracedWithContent)]
    public TelemetryState State { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new FakeModel();
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

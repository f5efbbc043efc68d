using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// A completed chat call under each kind of [EvalGuard] with nothing listening, no guard judging it: what a guard costs
/// the calls it does not judge. Ratios are to the model called directly; the unguarded generated call is beside them.
/// </summary>
[MemoryDiagnoser]
public class GuardedCallBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "What is the capital of France?")];
    private FakeModel _model = null!;
    private GeneratedOperations _unguarded = null!;
    private GuardedOperations _guarded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = new FakeModel();
        _unguarded = new GeneratedOperations(_model);
        _guarded = new GuardedOperations(_model);
    }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Direct() => _model.GetResponseAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> Unguarded() => _unguarded.ChatAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> RecordInline() => _guarded.RecordingAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> RecordBackground() => _guarded.BackgroundAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> ThrowUnsampled() => _guarded.ThrowingAsync(_messages);

    [Benchmark]
    public Task<ChatResponse> FallbackUnsampled() => _guarded.FallingBackAsync(_messages);
}

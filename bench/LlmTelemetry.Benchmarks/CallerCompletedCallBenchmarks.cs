using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// A chat call whose task is pending when it returns and is then completed by the benchmark's own thread: the work of
/// the pending path (what is attached to the task, what runs when it completes) without the thread pool's scheduling,
/// which dominates <see cref="PendingCallBenchmarks"/> on a loaded machine.
/// </summary>
[MemoryDiagnoser]
public class CallerCompletedCallBenchmarks : VariantBenchmarks
{
    [Params(TelemetryState.Idle, TelemetryState.Traced)]
    public override TelemetryState State { get; set; }

    [Benchmark(Baseline = true)]
    public ChatResponse Direct() => Complete(Model.GetResponseAsync(Messages));

    [Benchmark]
    public ChatResponse HandWritten() => Complete(HandWrittenVariant.ChatAsync(Messages));

    [Benchmark]
    public ChatResponse LlmTelemetry() => Complete(GeneratedVariant.ChatAsync(Messages));

    /// <summary>The span ended in a continuation on the implementation's own task, as before issue #26.</summary>
    [Benchmark]
    public ChatResponse LlmTelemetryContinuation() => Complete(ContinuationVariant.ChatAsync(Messages));

    protected override FakeModel CreateModel() => new() { CompletedByCaller = true };

    private ChatResponse Complete(Task<ChatResponse> call)
    {
        Model.CompletePending();
        return call.GetAwaiter().GetResult();
    }
}

using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// The four variants over one fake model, set up alike for every benchmark class: the model called directly,
/// hand-written instrumentation, Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c>, and LlmTelemetry.
/// </summary>
public abstract class VariantBenchmarks
{
    private TelemetryListeners? _listeners;

    protected List<ChatMessage> Messages { get; } = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "What is the capital of France?")];

    protected FakeModel Model { get; private set; } = null!;

    protected HandWrittenInstrumentation HandWrittenVariant { get; private set; } = null!;

    protected IChatClient MeaiVariant { get; private set; } = null!;

    protected GeneratedOperations GeneratedVariant { get; private set; } = null!;

    /// <summary>The same generated call built with <c>LlmTelemetrySemanticConventions=latest</c> (v0.1.0).</summary>
    protected Latest.GeneratedOperations LatestVariant { get; private set; } = null!;

    /// <summary>The generated call as it tracked a pending task before issue #26, for the pending-call comparisons.</summary>
    protected ContinuationTrackedOperations ContinuationVariant { get; private set; } = null!;

    /// <summary>Who listens; each class lists the states it runs in.</summary>
    public abstract TelemetryState State { get; set; }

    protected abstract FakeModel CreateModel();

    [GlobalSetup]
    public void Setup()
    {
        Model = CreateModel();
        HandWrittenVariant = new HandWrittenInstrumentation(Model);
        MeaiVariant = TelemetryListeners.UseOpenTelemetry(Model, State);
        GeneratedVariant = new GeneratedOperations(Model);
        LatestVariant = new Latest.GeneratedOperations(Model);
        ContinuationVariant = new ContinuationTrackedOperations(Model);
        _listeners = new TelemetryListeners(State);
    }

    [GlobalCleanup]
    public void Cleanup() => _listeners?.Dispose();
}

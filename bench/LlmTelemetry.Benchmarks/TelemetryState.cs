using System;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LlmTelemetry.Benchmarks;

/// <summary>Who listens while a benchmark runs.</summary>
public enum TelemetryState
{
    /// <summary>No tracer and no meter provider.</summary>
    Idle,
    /// <summary>A meter provider only.</summary>
    MetricsOnly,
    /// <summary>Traces (AlwaysOn, spans dropped by a no-op processor) and metrics.</summary>
    Traced,
    /// <summary>Traces and metrics with prompt and completion content captured.</summary>
    TracedWithContent,
}

/// <summary>The OpenTelemetry SDK set up for one state, listening to all three variants alike.</summary>
public sealed class TelemetryListeners : IDisposable
{
    public const string MeaiSource = "Benchmarks.Microsoft.Extensions.AI";

    private readonly TracerProvider? _tracer;
    private readonly MeterProvider? _meter;

    public TelemetryListeners(TelemetryState state)
    {
        if (state is TelemetryState.Traced or TelemetryState.TracedWithContent)
        {
            _tracer = Sdk.CreateTracerProviderBuilder()
                .AddLlmTelemetry(options => options.CaptureMessageContent = state == TelemetryState.TracedWithContent)
                .AddSource(HandWrittenInstrumentation.Name, MeaiSource)
                .SetSampler(new AlwaysOnSampler())
                .AddProcessor(new DroppingProcessor())
                .Build();
        }

        if (state != TelemetryState.Idle)
        {
            // A meter provider aggregates only when it has a reader; this one collects on demand and exports
            // nowhere, so what is measured is the recording, as in an application between two exports.
            _meter = Sdk.CreateMeterProviderBuilder()
                .AddLlmTelemetry()
                .AddMeter(HandWrittenInstrumentation.Name, MeaiSource)
                .AddReader(new BaseExportingMetricReader(new DroppingMetricExporter()))
                .Build();
        }
    }

    /// <summary>The Microsoft.Extensions.AI pipeline over <paramref name="model"/>, as its documentation sets it up.</summary>
    public static IChatClient UseOpenTelemetry(IChatClient model, TelemetryState state) =>
        new ChatClientBuilder(model)
            .UseOpenTelemetry(sourceName: MeaiSource, configure: client => client.EnableSensitiveData = state == TelemetryState.TracedWithContent)
            .Build();

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }

    private sealed class DroppingProcessor : BaseProcessor<Activity>
    {
    }

    private sealed class DroppingMetricExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}

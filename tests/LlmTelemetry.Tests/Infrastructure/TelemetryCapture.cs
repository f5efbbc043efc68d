using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LlmTelemetry.Tests.Infrastructure;

/// <summary>
/// The OpenTelemetry SDK wired as an application would wire it (<c>AddLlmTelemetry()</c> on both builders), with
/// in-memory exporters, so tests read exactly what an exporter would receive.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly TracerProvider? _tracerProvider;
    private readonly MeterProvider? _meterProvider;
    private readonly List<Metric> _metrics = new();

    public TelemetryCapture(bool traces = true, bool metrics = true, Action<LlmTelemetryOptions>? configure = null)
    {
        LlmTelemetrySettings.Reset();
        if (traces)
        {
            _tracerProvider = Sdk.CreateTracerProviderBuilder()
                .AddSource(TestParentSource.Name)
                .AddLlmTelemetry(configure)
                .SetSampler(new AlwaysOnSampler())
                .AddInMemoryExporter(Spans)
                .Build();
        }

        if (metrics)
        {
            _meterProvider = Sdk.CreateMeterProviderBuilder()
                .AddLlmTelemetry(configure)
                .AddInMemoryExporter(_metrics)
                .Build();
        }
    }

#if LLMT_LATEST
    /// <summary>The duration histogram of an inference in the release this project's generated code records (v0.1.0).</summary>
    public const string InferenceDurationMetric = "gen_ai.client.inference.duration";
#else
    /// <summary>The duration histogram of an inference in the release this project's generated code records (the baseline).</summary>
    public const string InferenceDurationMetric = "gen_ai.client.operation.duration";
#endif

    public List<Activity> Spans { get; } = new();

    /// <summary>The spans LlmTelemetry produced (the test's own parent spans left out).</summary>
    public IReadOnlyList<Activity> OperationSpans => Spans.Where(static s => s.Source.Name == "LlmTelemetry").ToList();

    public Activity SingleSpan()
    {
        IReadOnlyList<Activity> spans = OperationSpans;
        // What else was captured and whether anything listened tell a missing span from a late one when this fails.
        Xunit.Assert.True(
            spans.Count == 1,
            $"Expected one LlmTelemetry span, found {spans.Count}. Captured: [{string.Join(", ", Spans.Select(static s => s.Source.Name + "/" + s.DisplayName))}];"
            + $" listening now: {LlmTelemetry.Instrumentation.LlmOperationScope.IsEnabled}.");
        return spans[0];
    }

    /// <summary>Collects the metrics recorded so far and returns those of the LlmTelemetry meter.</summary>
    public IReadOnlyList<Metric> CollectMetrics()
    {
        _metrics.Clear();
        _meterProvider!.ForceFlush();
        return _metrics.Where(static m => m.MeterName == "LlmTelemetry").ToList();
    }

    public Metric Metric(string name) =>
        CollectMetrics().SingleOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException($"Metric '{name}' was not recorded.");

    public static IReadOnlyList<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly MetricPoint point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }

    public static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    /// <summary>The attributes of each <c>gen_ai.evaluation.result</c> event of a span, in order.</summary>
    public static Dictionary<string, object?>[] Evaluations(Activity span) =>
        span.Events.Where(static e => e.Name == "gen_ai.evaluation.result").Select(static e => e.Tags.ToDictionary(static t => t.Key, static t => t.Value)).ToArray();

    public void Dispose()
    {
        _tracerProvider?.Dispose();
        _meterProvider?.Dispose();
        LlmTelemetrySettings.Reset();
    }
}

/// <summary>A source for parent spans that tests start around operations.</summary>
public static class TestParentSource
{
    public const string Name = "LlmTelemetry.Tests";

    public static readonly ActivitySource Source = new(Name);
}

using System;
using System.Diagnostics.Tracing;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Where a failure inside telemetry goes instead of into user code: an <see cref="EventSource"/> named
/// <c>LlmTelemetry</c>, readable with <c>dotnet-trace</c> or an <see cref="EventListener"/>.
/// </summary>
[EventSource(Name = "LlmTelemetry")]
internal sealed class LlmTelemetryEventSource : EventSource
{
    public static readonly LlmTelemetryEventSource Log = new();

    [NonEvent]
    public void TelemetryFailed(string stage, Exception exception)
    {
        if (IsEnabled(EventLevel.Warning, EventKeywords.All))
        {
            TelemetryFailed(stage, exception.GetType().FullName ?? exception.GetType().Name, exception.Message);
        }
    }

    [Event(1, Level = EventLevel.Warning, Message = "Recording telemetry failed while {0}: {1}: {2}. The call itself was not affected.")]
    private void TelemetryFailed(string stage, string exceptionType, string message) => WriteEvent(1, stage, exceptionType, message);

    [Event(2, Level = EventLevel.Warning, Message = "{0} background evaluation(s) were still pending when the tracer provider was disposed, after waiting {1} ms; they were cancelled and their results are lost.")]
    public void EvaluationsAbandoned(int pending, long waitedMilliseconds) => WriteEvent(2, pending, waitedMilliseconds);
}

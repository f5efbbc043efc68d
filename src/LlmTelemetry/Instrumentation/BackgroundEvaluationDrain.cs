using System;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Registered with the tracer provider as an instrumentation, so that disposing the provider first waits for queued
/// background evaluations: the provider disposes its instrumentations before it shuts its processors and exporters
/// down, so the evaluations' spans and events still leave the process.
/// </summary>
internal sealed class BackgroundEvaluationDrain : IDisposable
{
    public void Dispose()
    {
        TimeSpan timeout = LlmTelemetrySettings.Current.BackgroundEvaluationShutdownTimeout;
        if (!BackgroundEvaluationQueue.Instance.Drain(timeout))
        {
            LlmTelemetryEventSource.Log.EvaluationsAbandoned(BackgroundEvaluationQueue.Instance.Abandon(), (long)timeout.TotalMilliseconds);
        }
    }
}

using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Instrumentation;

namespace LlmTelemetry;

/// <summary>Control of background evaluations (<see cref="GuardMode.Background"/>).</summary>
public static class LlmEvaluations
{
    /// <summary>How many background evaluations are waiting or running.</summary>
    public static int Pending => BackgroundEvaluationQueue.Instance.Pending;

    /// <summary>Waits until every queued background evaluation has run; call it at shutdown, before the tracer provider is disposed.</summary>
    public static Task FlushAsync(CancellationToken cancellationToken = default) => BackgroundEvaluationQueue.Instance.FlushAsync(cancellationToken);
}

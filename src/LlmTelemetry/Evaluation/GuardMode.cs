namespace LlmTelemetry;

/// <summary>When an <see cref="EvalGuardAttribute"/> runs.</summary>
public enum GuardMode
{
    /// <summary>Before the call returns: the caller waits, and the guard can throw or fall back.</summary>
    Inline,

    /// <summary>
    /// After the call returned, on a bounded background queue: the caller never waits and nothing is thrown; a full
    /// queue drops evaluations and counts them. <see cref="LlmEvaluations.FlushAsync"/> drains it at shutdown.
    /// </summary>
    Background,
}

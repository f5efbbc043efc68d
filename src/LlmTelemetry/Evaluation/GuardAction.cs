namespace LlmTelemetry;

/// <summary>What an inline <see cref="EvalGuardAttribute"/> does when the evaluation fails.</summary>
public enum GuardAction
{
    /// <summary>Record the result and return the call's output unchanged.</summary>
    Record,

    /// <summary>Throw a <see cref="GuardViolationException"/> carrying the result.</summary>
    Throw,

    /// <summary>Return the output of the guard's <see cref="EvalGuardAttribute.Fallback"/> method instead.</summary>
    Fallback,
}

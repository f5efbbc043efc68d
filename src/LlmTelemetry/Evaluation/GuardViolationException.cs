using System;

namespace LlmTelemetry;

/// <summary>Thrown by an inline <see cref="EvalGuardAttribute"/> with <see cref="GuardAction.Throw"/> when its evaluation fails.</summary>
public sealed class GuardViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GuardViolationException(string evaluationName, LlmEvaluation evaluation)
        : base($"The '{evaluationName}' guard failed" + (evaluation.Score is double score ? $" with a score of {score}" : string.Empty) + (evaluation.Explanation is { } why ? ": " + why : "."))
    {
        EvaluationName = evaluationName;
        Evaluation = evaluation;
    }

    /// <summary>The <c>gen_ai.evaluation.name</c> of the failed guard.</summary>
    public string EvaluationName { get; }

    /// <summary>The failed evaluation.</summary>
    public LlmEvaluation Evaluation { get; }
}

using System.Diagnostics;

namespace LlmTelemetry.Instrumentation;

/// <summary>Writes one evaluation as a <c>gen_ai.evaluation.result</c> span event and as LlmTelemetry's evaluation metrics.</summary>
internal static class EvaluationRecording
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    /// <summary>Records what one guard's evaluator returned: the result, or each metric of a combined result as its own evaluation.</summary>
    public static void RecordGuard(Activity? activity, string operationName, LlmGuardDescriptor guard, LlmEvaluation? evaluation, string? errorType, string? responseId)
    {
        if (evaluation is null || evaluation.Metrics.Count == 0)
        {
            Record(activity, operationName, guard.Name, evaluation, evaluation is not null && guard.Passes(evaluation), errorType, responseId);
            return;
        }

        foreach (LlmEvaluation metric in evaluation.Metrics)
        {
            Record(activity, operationName, metric.Name ?? guard.Name, metric, metric.ErrorType is null && guard.Passes(metric), metric.ErrorType, responseId);
        }
    }

    public static void Record(Activity? activity, string operationName, string evaluationName, LlmEvaluation? evaluation, bool passed, string? errorType, string? responseId)
    {
        // Without a label from the evaluator, the verdict is the label: the conventions' own example is pass/fail.
        string? label = evaluation is null || errorType is not null ? null : evaluation.Label ?? (passed ? "pass" : "fail");
        if (activity is { IsAllDataRequested: true })
        {
            var tags = new ActivityTagsCollection { { GenAiSemanticConventions.Attributes.EvaluationName, evaluationName } };
            if (evaluation?.Score is double score)
            {
                tags.Add(GenAiSemanticConventions.Attributes.EvaluationScoreValue, score);
            }

            if (label is not null)
            {
                tags.Add(GenAiSemanticConventions.Attributes.EvaluationScoreLabel, label);
            }

            if (evaluation?.Explanation is { } explanation)
            {
                tags.Add(GenAiSemanticConventions.Attributes.EvaluationExplanation, explanation);
            }

            if (responseId is not null)
            {
                tags.Add(GenAiSemanticConventions.Attributes.ResponseId, responseId);
            }

            if (errorType is not null)
            {
                tags.Add(GenAiSemanticConventions.Attributes.ErrorType, errorType);
            }

            activity.AddEvent(new ActivityEvent(GenAiSemanticConventions.Events.EvaluationResult, tags: tags));
        }

        if (evaluation?.Score is double value && LlmTelemetryInstruments.EvaluationScore.Enabled)
        {
            var tags = new TagList
            {
                { GenAiSemanticConventions.Attributes.EvaluationName, evaluationName },
                { GenAiSemanticConventions.Attributes.OperationName, operationName },
            };
            LlmTelemetryInstruments.EvaluationScore.Record(value, tags);
        }

        if (LlmTelemetryInstruments.EvaluationResults.Enabled)
        {
            var tags = new TagList
            {
                { GenAiSemanticConventions.Attributes.EvaluationName, evaluationName },
                { GenAiSemanticConventions.Attributes.OperationName, operationName },
                { GenAiSemanticConventions.LlmTelemetryAttributes.EvaluationPassed, passed ? s_true : s_false },
            };
            if (errorType is not null)
            {
                tags.Add(GenAiSemanticConventions.Attributes.ErrorType, errorType);
            }

            LlmTelemetryInstruments.EvaluationResults.Add(1, tags);
        }
    }
}

namespace LlmTelemetry;

/// <summary>The result of one evaluation.</summary>
public sealed class LlmEvaluation
{
    /// <summary>Creates a result.</summary>
    /// <param name="score">The numeric score (<c>gen_ai.evaluation.score.value</c>), if any.</param>
    /// <param name="passed">The evaluator's own verdict; a guard with a <c>Threshold</c> decides from the score instead.</param>
    /// <param name="label">A low-cardinality label such as <c>relevant</c> (<c>gen_ai.evaluation.score.label</c>).</param>
    /// <param name="explanation">Why (<c>gen_ai.evaluation.explanation</c>).</param>
    public LlmEvaluation(double? score, bool passed, string? label = null, string? explanation = null)
    {
        Score = score;
        Passed = passed;
        Label = label;
        Explanation = explanation;
    }

    /// <summary>The numeric score, if any.</summary>
    public double? Score { get; }

    /// <summary>The evaluator's verdict.</summary>
    public bool Passed { get; }

    /// <summary>A low-cardinality label, if any.</summary>
    public string? Label { get; }

    /// <summary>An explanation, if any.</summary>
    public string? Explanation { get; }
}

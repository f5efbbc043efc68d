namespace LlmTelemetry.Generators.Model;

/// <summary>One <c>[EvalGuard]</c> of an operation, as generated code describes it.</summary>
/// <param name="Name">The <c>gen_ai.evaluation.name</c>.</param>
/// <param name="Threshold">The threshold as a C# expression (<c>double.NaN</c> when not set).</param>
/// <param name="Action">The <c>GuardAction</c> member name.</param>
/// <param name="Mode">The <c>GuardMode</c> member name.</param>
/// <param name="SampleRate">The sample rate as a C# expression.</param>
/// <param name="EvaluatorType">The evaluator type to create once, or <see langword="null"/> when a member holds the evaluator.</param>
/// <param name="EvaluatorMember">The member of the containing type (or type, when static) that holds the evaluator.</param>
/// <param name="Fallback">The fallback method name, with type arguments, for <c>GuardAction.Fallback</c>.</param>
/// <param name="IsMeaiEvaluator">Whether the evaluator is a Microsoft.Extensions.AI.Evaluation <c>IEvaluator</c>, adapted by generated code.</param>
/// <param name="ChatConfigurationMember">The member holding the <c>ChatConfiguration</c> given to such an evaluator, if any.</param>
/// <param name="TimeoutMilliseconds">The guard's own time limit (0: the options' default; -1: none).</param>
internal sealed record GuardModel(
    string Name,
    string Threshold,
    string Action,
    string Mode,
    string SampleRate,
    string? EvaluatorType,
    string? EvaluatorMember,
    string? Fallback,
    bool IsMeaiEvaluator = false,
    string? ChatConfigurationMember = null,
    int TimeoutMilliseconds = 0)
{
    /// <summary>Whether the evaluator is read on each evaluated call rather than created once with the guard.</summary>
    public bool ReadPerCall => EvaluatorMember is not null || ChatConfigurationMember is not null;

    /// <summary>
    /// Whether an evaluator type is created once into a field of the helper class, because each call wraps it with the
    /// chat configuration read then.
    /// </summary>
    public bool HasSharedEvaluatorField => EvaluatorType is not null && ChatConfigurationMember is not null;

    /// <summary>Whether the guard changes what the caller gets, so that it runs even when nothing listens.</summary>
    public bool ActsOnCall => Mode == "Inline" && Action != "Record";
}

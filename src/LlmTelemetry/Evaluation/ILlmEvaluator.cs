using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry;

/// <summary>
/// Judges the output of an <c>[LlmOperation]</c> or <c>[Retrieval]</c> call: groundedness, relevance, a policy
/// check … Used by <see cref="EvalGuardAttribute"/>; each result becomes a <c>gen_ai.evaluation.result</c> event on
/// the call's span.
/// </summary>
public interface ILlmEvaluator
{
    /// <summary>Evaluates one call.</summary>
    /// <param name="context">The call's input, output and result.</param>
    /// <param name="cancellationToken">Cancelled when the evaluation runs past <see cref="LlmTelemetryOptions.EvaluationTimeout"/>;
    /// the call then goes on without this verdict.</param>
    /// <returns>The score, label, explanation and verdict.</returns>
    ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken);
}

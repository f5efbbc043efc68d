using LlmTelemetry;

namespace SupportBot.Model;

/// <summary>
/// A simple groundedness check: the share of the answer's words that appear in the prompt the model was given
/// (question and retrieved articles). A real application would ask a judge model or use
/// Microsoft.Extensions.AI.Evaluation; the guard records whichever score it returns on the chat span.
/// </summary>
public sealed class GroundednessCheck : ILlmEvaluator
{
    public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken)
    {
        string[] answer = Words(context.Output);
        if (answer.Length == 0)
        {
            return new(new LlmEvaluation(0, passed: false, explanation: "empty answer"));
        }

        var prompt = new HashSet<string>(Words(context.Input));
        double score = Math.Round(answer.Count(prompt.Contains) / (double)answer.Length, 2);
        return new(new LlmEvaluation(score, passed: score >= 0.5, explanation: $"{score:P0} of the answer's words are in the prompt"));
    }

    private static string[] Words(string? text) =>
        (text ?? string.Empty).ToLowerInvariant().Split([' ', '.', ',', ';', '?', '\n', '>', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace LlmTelemetry.Tests.Operations;

/// <summary>
/// A Microsoft.Extensions.AI.Evaluation evaluator with three metrics: a numeric one it interprets, a boolean one it
/// does not, and a string one (not a score). It notes what it was given.
/// </summary>
public sealed class ParisEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Relevance", "Mentions Paris", "Notes"];

    public IReadOnlyList<ChatMessage>? SeenMessages { get; private set; }

    public ChatResponse? SeenResponse { get; private set; }

    public ChatConfiguration? SeenConfiguration { get; private set; }

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        SeenMessages = [.. messages];
        SeenResponse = modelResponse;
        SeenConfiguration = chatConfiguration;
        bool paris = modelResponse.Text.Contains("Paris", StringComparison.Ordinal);
        var relevance = new NumericMetric("Relevance", paris ? 4 : 2, reason: paris ? "answers the question" : "names the wrong city")
        {
            Interpretation = new EvaluationMetricInterpretation(paris ? EvaluationRating.Good : EvaluationRating.Poor, failed: !paris),
        };
        var mentions = new BooleanMetric("Mentions Paris", paris);
        var notes = new StringMetric("Notes", "free text is not a score");
        return new(new EvaluationResult(relevance, mentions, notes));
    }
}

/// <summary>An evaluator that reports its failure the way Microsoft.Extensions.AI.Evaluation's do: an error diagnostic, no value.</summary>
public sealed class JudgeDownEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Coherence"];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var coherence = new NumericMetric("Coherence") { Diagnostics = [EvaluationDiagnostic.Error("No ChatConfiguration was given.")] };
        return new(new EvaluationResult(coherence));
    }
}

/// <summary>Operations judged by Microsoft.Extensions.AI.Evaluation evaluators, by type and by member, with a judge configuration.</summary>
public partial class MeaiEvaluatedOperations(IChatClient chat, ChatConfiguration judge)
{
    private readonly ChatConfiguration _judge = judge;

    public ParisEvaluator Evaluator { get; } = new();

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(ParisEvaluator))]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(ParisEvaluator), Name = "paris", OnFailure = GuardAction.Throw, ChatConfiguration = nameof(_judge))]
    public partial Task<ChatResponse> StrictAnswerAsync(IEnumerable<ChatMessage> messages);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(Evaluator), ChatConfiguration = nameof(_judge), Threshold = 3)]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(Evaluator = nameof(Evaluator))]
    public partial string Answer([Prompt] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(JudgeDownEvaluator), OnFailure = GuardAction.Throw)]
    public partial Task<ChatResponse> UnjudgedAnswerAsync([Prompt] string question);

    private Task<ChatResponse> AnswerCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> StrictAnswerCoreAsync(IEnumerable<ChatMessage> messages) => chat.GetResponseAsync(messages);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(string question) => chat.GetStreamingResponseAsync(question);

    private string AnswerCore(string question) => chat.GetResponseAsync(question).GetAwaiter().GetResult().Text;

    private Task<ChatResponse> UnjudgedAnswerCoreAsync(string question) => chat.GetResponseAsync(question);
}

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes the adapter that lets an <c>[EvalGuard]</c> run a Microsoft.Extensions.AI.Evaluation <c>IEvaluator</c>: the
/// runtime library does not reference that package, so the project that does gets the adapter as generated code.
/// </summary>
internal static class MeaiEvaluatorAdapterEmitter
{
    private const string Meai = "global::Microsoft.Extensions.AI";
    private const string Evaluation = "global::Microsoft.Extensions.AI.Evaluation";

    public static void Emit(SourceWriter writer)
    {
        writer.Line("/// <summary>Runs a Microsoft.Extensions.AI.Evaluation evaluator for an [EvalGuard]: each numeric and boolean metric it returns is one evaluation.</summary>");
        writer.Line(TypeFileEmitter.GeneratedCodeAttribute);
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Lines($$"""
            internal sealed class {{RuntimeNames.MeaiEvaluatorAdapterClass}} : global::LlmTelemetry.ILlmEvaluator
            {
                private readonly {{Evaluation}}.IEvaluator _evaluator;
                private readonly {{Evaluation}}.ChatConfiguration? _configuration;

                internal {{RuntimeNames.MeaiEvaluatorAdapterClass}}({{Evaluation}}.IEvaluator evaluator, {{Evaluation}}.ChatConfiguration? configuration)
                {
                    _evaluator = evaluator;
                    _configuration = configuration;
                }

                internal static global::LlmTelemetry.ILlmEvaluator? Wrap({{Evaluation}}.IEvaluator? evaluator, {{Evaluation}}.ChatConfiguration? configuration) =>
                    evaluator is null ? null : new {{RuntimeNames.MeaiEvaluatorAdapterClass}}(evaluator, configuration);

                public async global::System.Threading.Tasks.ValueTask<global::LlmTelemetry.LlmEvaluation> EvaluateAsync(global::LlmTelemetry.LlmEvaluationContext context, global::System.Threading.CancellationToken cancellationToken)
                {
                    {{Evaluation}}.EvaluationResult result = await _evaluator.EvaluateAsync(Messages(context), Response(context), _configuration, null, cancellationToken).ConfigureAwait(false);
                    var metrics = new global::System.Collections.Generic.List<global::LlmTelemetry.LlmEvaluation>(result.Metrics.Count);
                    foreach ({{Evaluation}}.EvaluationMetric metric in result.Metrics.Values)
                    {
                        double? score;
                        bool? verdict = null;
                        if (metric is {{Evaluation}}.NumericMetric numeric)
                        {
                            score = numeric.Value;
                        }
                        else if (metric is {{Evaluation}}.BooleanMetric boolean)
                        {
                            verdict = boolean.Value;
                            score = boolean.Value is bool value ? (value ? 1d : 0d) : null;
                        }
                        else
                        {
                            continue; // a string metric is not a score
                        }

                        // An evaluator of Microsoft.Extensions.AI.Evaluation reports a metric it could not measure as an error diagnostic.
                        if (score is null && Error(metric) is { } error)
                        {
                            metrics.Add(global::LlmTelemetry.LlmEvaluation.MetricError(metric.Name, "evaluation_error", error));
                            continue;
                        }

                        // The evaluator's interpretation decides when it has one; a guard's Threshold overrides it for a score.
                        {{Evaluation}}.EvaluationMetricInterpretation? interpretation = metric.Interpretation;
                        bool passed = interpretation is not null ? !interpretation.Failed : verdict ?? true;
                        string? label = interpretation is null ? null : Label(interpretation.Rating);
                        metrics.Add(global::LlmTelemetry.LlmEvaluation.Metric(metric.Name, score, passed, label, metric.Reason ?? interpretation?.Reason));
                    }

                    if (metrics.Count == 0)
                    {
                        throw new global::System.InvalidOperationException("The evaluator returned no numeric or boolean metric.");
                    }

                    return global::LlmTelemetry.LlmEvaluation.Combine(metrics);
                }

                private static global::System.Collections.Generic.IEnumerable<{{Meai}}.ChatMessage> Messages(global::LlmTelemetry.LlmEvaluationContext context) => context.Request switch
                {
                    global::System.Collections.Generic.IEnumerable<{{Meai}}.ChatMessage> messages => messages,
                    {{Meai}}.ChatMessage message => new[] { message },
                    _ => context.Input is { } input ? new[] { new {{Meai}}.ChatMessage({{Meai}}.ChatRole.User, input) } : global::System.Array.Empty<{{Meai}}.ChatMessage>(),
                };

                private static {{Meai}}.ChatResponse Response(global::LlmTelemetry.LlmEvaluationContext context) => context.Result switch
                {
                    {{Meai}}.ChatResponse response => response,
                    global::System.Collections.Generic.IEnumerable<{{Meai}}.ChatResponseUpdate> updates => {{Meai}}.ChatResponseExtensions.ToChatResponse(updates),
                    _ => new {{Meai}}.ChatResponse(new {{Meai}}.ChatMessage({{Meai}}.ChatRole.Assistant, context.Output ?? string.Empty)) { ResponseId = context.ResponseId },
                };

                private static string? Label({{Evaluation}}.EvaluationRating rating) => rating switch
                {
                    {{Evaluation}}.EvaluationRating.Inconclusive => "inconclusive",
                    {{Evaluation}}.EvaluationRating.Unacceptable => "unacceptable",
                    {{Evaluation}}.EvaluationRating.Poor => "poor",
                    {{Evaluation}}.EvaluationRating.Average => "average",
                    {{Evaluation}}.EvaluationRating.Good => "good",
                    {{Evaluation}}.EvaluationRating.Exceptional => "exceptional",
                    _ => null,
                };

                private static string? Error({{Evaluation}}.EvaluationMetric metric)
                {
                    if (metric.Diagnostics is { } diagnostics)
                    {
                        foreach ({{Evaluation}}.EvaluationDiagnostic diagnostic in diagnostics)
                        {
                            if (diagnostic.Severity == {{Evaluation}}.EvaluationDiagnosticSeverity.Error)
                            {
                                return diagnostic.Message;
                            }
                        }
                    }

                    return null;
                }
            }
            """);
    }
}

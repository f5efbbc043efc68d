using System.Linq;
using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes how a guarded call ends: the guards chosen for this call (none: the usual ending), then the call handed to
/// the runtime's guarding with its evaluators, input, output reader and fallback.
/// </summary>
internal static class GuardEmitter
{
    private const string Guarding = "global::LlmTelemetry.Instrumentation.LlmGuarding";
    private const string Evaluator = "global::LlmTelemetry.ILlmEvaluator";

    public static void EmitGuardedCompletion(SourceWriter writer, OperationMethodModel operation, int ordinal, string? recorder, LocalNames names)
    {
        string resultType = operation.ResultType!;
        string guards = $"{RuntimeNames.HelperClass}.Guards{ordinal}";
        string recorderLocal = recorder is null ? "null" : "__llmRecorder";
        if (recorder is not null)
        {
            writer.Lines($"{RuntimeNames.ResultRecorder}<{resultType}> __llmRecorder = {recorder};");
        }

        writer.Line($"int __llmGuards = {Guarding}.Select({guards}, in {names.Scope});");
        writer.Open("if (__llmGuards == 0)");
        if (operation.ReturnShape == ReturnShape.Value)
        {
            writer.Line($"{names.Scope}.Complete<{resultType}>({names.Result}, {recorderLocal});");
            writer.Line($"return {names.Result};");
        }
        else
        {
            writer.Line($"return {RuntimeNames.TaskTracking}.Track<{resultType}>({names.Result}, {names.Scope}, {recorderLocal});");
        }

        writer.Close();
        writer.Line();

        string evaluators = "null";
        if (operation.Guards.Any(static g => g.EvaluatorMember is not null))
        {
            // Evaluators held by members are read per call (they may come from dependency injection); a getter that
            // throws costs the guard, never the call.
            string owner = operation.IsStatic ? string.Empty : "this.";
            string items = string.Join(", ", operation.Guards.Select(g => g.EvaluatorMember is null ? "null" : owner + g.EvaluatorMember));
            writer.Line($"{Evaluator}?[]? __llmEvaluators = null;");
            writer.Open("try");
            writer.Line($"__llmEvaluators = new {Evaluator}?[] {{ {items} }};");
            writer.Close();
            writer.Open($"catch ({RuntimeNames.Exception} __llmEvaluatorError)");
            writer.Line($"{Guarding}.ReportFailure(__llmEvaluatorError);");
            writer.Close();
            writer.Line();
            evaluators = "__llmEvaluators";
        }

        string input = operation.Request.Contents.FirstOrDefault(static c => c.Kind is ContentKind.PromptText or ContentKind.RetrievalQuery)?.Name ?? "null";
        string output = OutputReader(operation) ?? "null";
        string fallback = Fallback(operation) ?? "null";
        writer.Line($"var __llmCall = new global::LlmTelemetry.Instrumentation.LlmGuardedCall<{resultType}>({guards}, __llmGuards, {evaluators}, {input}, {output}, {fallback});");
        writer.Line(operation.ReturnShape == ReturnShape.Value
            ? $"return {Guarding}.Complete<{resultType}>({names.Result}, ref {names.Scope}, {recorderLocal}, __llmCall);"
            : $"return {Guarding}.Track<{resultType}>({names.Result}, {names.Scope}, {recorderLocal}, __llmCall);");
    }

    /// <summary>The descriptors of an operation's guards, for its helper class.</summary>
    public static string Descriptors(OperationMethodModel operation, int ordinal)
    {
        string items = string.Join(",\n", operation.Guards.Select(static g =>
            $"    new global::LlmTelemetry.Instrumentation.LlmGuardDescriptor({Literal(g.Name)}, {g.Threshold}, global::LlmTelemetry.GuardAction.{g.Action}, global::LlmTelemetry.GuardMode.{g.Mode}, {g.SampleRate}, " +
            (g.EvaluatorType is null ? "null" : $"static () => new {g.EvaluatorType}()") + ")"));
        return $"internal static readonly global::LlmTelemetry.Instrumentation.LlmGuardDescriptor[] Guards{ordinal} = new global::LlmTelemetry.Instrumentation.LlmGuardDescriptor[]\n{{\n{items},\n}};";
    }

    // Reads the generated text of the result for the evaluators, where the result type has one.
    private static string? OutputReader(OperationMethodModel operation)
    {
        ResultMappingModel result = operation.Result;
        string v = result.UnwrapClientResult ? "__llmOut.Value" : "__llmOut";
        string access = result.CanBeNull ? "?." : ".";
        string? text = result.Kind switch
        {
            ResultKind.Text => v,
            ResultKind.MeaiChatResponse => $"{v}{access}Text",
            ResultKind.OpenAIChatCompletion => $"{v}{access}Content is {{ Count: > 0 }} __llmContent ? __llmContent[0].Text : null",
            ResultKind.User => result.Members.FirstOrDefault(static m => m.Role == ResultMemberRole.ResponseText) is { } member ? $"{v}{access}{member.Name}" : null,
            _ => null,
        };
        return text is null ? null : $"static ({operation.ResultType} __llmOut) => {text}";
    }

    private static string? Fallback(OperationMethodModel operation)
    {
        string? method = operation.Guards.FirstOrDefault(static g => g.Fallback is not null)?.Fallback;
        if (method is null)
        {
            return null;
        }

        string call = $"{method}({string.Join(", ", operation.Parameters.Select(static p => p.Name))})";
        return operation.ReturnShape == ReturnShape.ValueTaskOfT
            ? $"() => {call}"
            : $"() => new global::System.Threading.Tasks.ValueTask<{operation.ResultType}>({call})";
    }

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}

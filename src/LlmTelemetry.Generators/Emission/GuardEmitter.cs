using System.Linq;
using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes how a guarded call ends: the guards chosen for this call (none: the usual ending), then the call handed to
/// the runtime's guarding with its evaluators, input, output reader and fallback.
/// </summary>
internal static class GuardEmitter
{
    private const string Guarding = RuntimeNames.Guarding;
    private const string Evaluator = "global::LlmTelemetry.ILlmEvaluator";

    /// <summary>
    /// Whether the operation chooses its guards before it starts when nothing listens: it has a guard that throws or falls
    /// back, which runs even then when sampled, so the body cannot just test for listeners. A stream chooses its guards
    /// per enumeration instead.
    /// </summary>
    public static bool ChoosesGuardsWhenIdle(OperationMethodModel operation) =>
        operation.ReturnShape != ReturnShape.AsyncEnumerable && operation.Guards.Any(static g => g.ActsOnCall);

    public static void EmitGuardedCompletion(SourceWriter writer, OperationMethodModel operation, int ordinal, string? recorder, LocalNames names)
    {
        string resultType = operation.ResultType!;
        string guards = $"{RuntimeNames.HelperClass}.Guards{ordinal}";
        string recorderLocal = recorder is null ? "null" : "__llmRecorder";
        if (recorder is not null)
        {
            writer.Lines($"{RuntimeNames.ResultRecorder}<{resultType}> __llmRecorder = {recorder};");
        }

        string chosenWhenIdle = ChoosesGuardsWhenIdle(operation) ? ", " + names.SelectedGuards : string.Empty;
        writer.Line($"int __llmGuards = {Guarding}.Select({guards}, in {names.Scope}{chosenWhenIdle});");
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

        // A lambda over the parameters would have its closure allocated where the method starts, on every call, judged or
        // not: the fallback captures copies declared in this block instead, so only a judged call allocates it.
        string? fallback = Fallback(operation);
        if (fallback is not null)
        {
            writer.Open();
            foreach (ParameterModel parameter in operation.Parameters)
            {
                writer.Line($"{parameter.Type} {FallbackArgument(parameter)} = {parameter.Name};");
            }

            writer.Line();
        }

        string evaluators = EmitEvaluators(writer, operation, ordinal);
        string output = OutputReader(operation) ?? "null";
        writer.Line($"var __llmCall = new global::LlmTelemetry.Instrumentation.LlmGuardedCall<{resultType}>({guards}, __llmGuards, {evaluators}, {Input(operation)}, {Request(operation)}, {output}, {fallback ?? "null"});");
        writer.Line(operation.ReturnShape == ReturnShape.Value
            ? $"return {Guarding}.Complete<{resultType}>({names.Result}, ref {names.Scope}, {recorderLocal}, __llmCall);"
            : $"return {Guarding}.Track<{resultType}>({names.Result}, {names.Scope}, {recorderLocal}, __llmCall);");
        if (fallback is not null)
        {
            writer.Close();
        }
    }

    /// <summary>
    /// Writes what the guards of a stream read — evaluators, input, how to read a chunk's text — and returns the local
    /// that holds it; which guards run is decided when the stream is enumerated.
    /// </summary>
    public static string EmitGuardedStream(SourceWriter writer, OperationMethodModel operation, int ordinal)
    {
        string evaluators = EmitEvaluators(writer, operation, ordinal);
        string chunkText = OutputReader(operation) ?? "null";
        writer.Line($"var __llmGuarded = new global::LlmTelemetry.Instrumentation.LlmGuardedStream<{operation.ResultType}>({RuntimeNames.HelperClass}.Guards{ordinal}, {evaluators}, {Input(operation)}, {Request(operation)}, {chunkText});");
        writer.Line();
        return "__llmGuarded";
    }

    // Evaluators held by members are read per call (they may come from dependency injection), and so is the chat
    // configuration of a Microsoft.Extensions.AI.Evaluation evaluator; a getter that throws costs the guard, never the call.
    private static string EmitEvaluators(SourceWriter writer, OperationMethodModel operation, int ordinal)
    {
        if (!operation.Guards.Any(static g => g.ReadPerCall))
        {
            return "null";
        }

        string owner = operation.IsStatic ? string.Empty : "this.";
        string items = string.Join(", ", operation.Guards.Select((g, i) => PerCallEvaluator(g, owner, ordinal, i)));
        writer.Line($"{Evaluator}?[]? __llmEvaluators = null;");
        writer.Open("try");
        writer.Line($"__llmEvaluators = new {Evaluator}?[] {{ {items} }};");
        writer.Close();
        writer.Open($"catch ({RuntimeNames.Exception} __llmEvaluatorError)");
        writer.Line($"{Guarding}.ReportFailure(__llmEvaluatorError);");
        writer.Close();
        writer.Line();
        return "__llmEvaluators";
    }

    private static string PerCallEvaluator(GuardModel guard, string owner, int ordinal, int index)
    {
        if (!guard.ReadPerCall)
        {
            return "null";
        }

        if (!guard.IsMeaiEvaluator)
        {
            return owner + guard.EvaluatorMember;
        }

        // An evaluator type given a configuration per call is still created once, in a field of the helper class.
        string evaluator = guard.HasSharedEvaluatorField
            ? $"({RuntimeNames.HelperClass}.{SharedEvaluatorField(ordinal, index)} ??= new {guard.EvaluatorType}())"
            : owner + guard.EvaluatorMember;
        string configuration = guard.ChatConfigurationMember is { } configurationMember ? owner + configurationMember : "null";
        return $"{RuntimeNames.MeaiEvaluatorAdapter}.Wrap({evaluator}, {configuration})";
    }

    private static string SharedEvaluatorField(int ordinal, int index) => $"Evaluator{ordinal}_{index}";

    // The input the evaluators judge: the prompt or query text, or the last user message of the messages sent.
    private static string Input(OperationMethodModel operation)
    {
        foreach (ContentParameterModel content in operation.Request.Contents)
        {
            switch (content.Kind)
            {
                case ContentKind.PromptText or ContentKind.RetrievalQuery:
                    return content.Name;
                case ContentKind.MeaiMessage or ContentKind.MeaiMessages:
                    return $"{RuntimeNames.MeaiReaders}.LastUserText({content.Name})";
                case ContentKind.OpenAIMessage or ContentKind.OpenAIMessages:
                    return $"{RuntimeNames.OpenAIReaders}.LastUserText({content.Name})";
            }
        }

        return "null";
    }

    // The messages themselves, for evaluators that read the conversation (Microsoft.Extensions.AI.Evaluation's do).
    private static string Request(OperationMethodModel operation) =>
        operation.Request.Contents.FirstOrDefault(static c => c.Kind is ContentKind.MeaiMessage or ContentKind.MeaiMessages or ContentKind.OpenAIMessage or ContentKind.OpenAIMessages)?.Name
        ?? "null";

    /// <summary>The descriptors of an operation's guards, for its helper class.</summary>
    public static string Descriptors(OperationMethodModel operation, int ordinal)
    {
        string items = string.Join(",\n", operation.Guards.Select(static g =>
            $"    new global::LlmTelemetry.Instrumentation.LlmGuardDescriptor({Literal(g.Name)}, {g.Threshold}, global::LlmTelemetry.GuardAction.{g.Action}, global::LlmTelemetry.GuardMode.{g.Mode}, {g.SampleRate}, {CreateOnce(g)}{(g.TimeoutMilliseconds == 0 ? string.Empty : $", timeoutMilliseconds: {g.TimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}")})"));
        string descriptors = $"internal static readonly global::LlmTelemetry.Instrumentation.LlmGuardDescriptor[] Guards{ordinal} = new global::LlmTelemetry.Instrumentation.LlmGuardDescriptor[]\n{{\n{items},\n}};";
        string fields = string.Concat(operation.Guards.Select((g, i) => g.HasSharedEvaluatorField
            ? $"\ninternal static {g.EvaluatorType}? {SharedEvaluatorField(ordinal, i)};"
            : string.Empty));
        return descriptors + fields;
    }

    // How the guard creates its evaluator once, for an evaluator type; null when the evaluator is read per call.
    private static string CreateOnce(GuardModel guard) =>
        guard.EvaluatorType is null || guard.ReadPerCall ? "null"
        : guard.IsMeaiEvaluator ? $"static () => new {RuntimeNames.MeaiEvaluatorAdapter}(new {guard.EvaluatorType}(), null)"
        : $"static () => new {guard.EvaluatorType}()";

    // Reads the generated text of the result (or of each chunk of a stream) for the evaluators, where it has one.
    private static string? OutputReader(OperationMethodModel operation)
    {
        ResultMappingModel result = operation.Result;
        string v = result.UnwrapClientResult ? "__llmOut.Value" : "__llmOut";
        string access = result.CanBeNull ? "?." : ".";
        string? text = result.Kind switch
        {
            ResultKind.Text => v,
            ResultKind.MeaiChatResponse or ResultKind.MeaiChatResponseUpdate => $"{v}{access}Text",
            ResultKind.OpenAIChatCompletion => $"{v}{access}Content is {{ Count: > 0 }} __llmContent ? __llmContent[0].Text : null",
            ResultKind.OpenAIStreamingUpdate => $"{v}{access}ContentUpdate is {{ Count: > 0 }} __llmContent ? __llmContent[0].Text : null",
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

        string call = $"{method}({string.Join(", ", operation.Parameters.Select(FallbackArgument))})";
        return operation.ReturnShape == ReturnShape.ValueTaskOfT
            ? $"() => {call}"
            : $"() => new global::System.Threading.Tasks.ValueTask<{operation.ResultType}>({call})";
    }

    // A fallback takes the operation's parameters, none of them ref, out or in (LLMT0017), so plain copies serve.
    private static string FallbackArgument(ParameterModel parameter) => "__llmFallback_" + parameter.Name.TrimStart('@');

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}

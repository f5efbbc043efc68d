using System.Linq;
using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes the body of one <c>[LlmOperation]</c> method: a branch to the implementation when nothing listens,
/// otherwise the scope around the implementation call. Exceptions pass through an exception filter, so they
/// are never caught and rethrown.
/// </summary>
internal static class OperationBodyEmitter
{
    public static void Emit(SourceWriter writer, OperationMethodModel operation, int ordinal, string generatedCodeAttribute, HelperSet helpers)
    {
        var names = new LocalNames(operation.Parameters);
        string descriptor = $"{RuntimeNames.HelperClass}.Operation{ordinal}";
        string call = $"{operation.ImplementationCall}({string.Join(", ", operation.Parameters.Select(static p => p.ArgumentPrefix + p.Name))})";
        string parameters = string.Join(", ", operation.Parameters.Select(static p => $"{p.DeclarationPrefix}{p.Type} {p.Name}"));

        writer.Line(generatedCodeAttribute);
        writer.Line($"{operation.Modifiers} {operation.ReturnType} {operation.Name}{operation.TypeParameters}({parameters})");
        foreach (string constraint in operation.ConstraintClauses)
        {
            writer.Line("    " + constraint);
        }

        writer.Open();
        writer.Open($"if (!{RuntimeNames.Scope}.IsEnabled)");
        if (operation.ReturnShape == ReturnShape.Void)
        {
            writer.Line(call + ";");
            writer.Line("return;");
        }
        else
        {
            writer.Line($"return {call};");
        }

        writer.Close();
        writer.Line();

        string model = ModelExpression(operation.Request);
        if (model != "null")
        {
            writer.Line($"string? {names.Model} = {model};");
            model = names.Model;
        }

        RequestRecorder? request = RequestRecorderEmitter.Create(operation, names, helpers);
        if (operation.ReturnShape == ReturnShape.AsyncEnumerable)
        {
            EmitStream(writer, operation, descriptor, model, call, request, names, helpers);
        }
        else
        {
            EmitCall(writer, operation, descriptor, model, call, request, names, helpers);
        }

        writer.Close();
    }

    private static void EmitCall(SourceWriter writer, OperationMethodModel operation, string descriptor, string model, string call, RequestRecorder? request, LocalNames names, HelperSet helpers)
    {
        writer.Line($"var {names.Scope} = {RuntimeNames.Scope}.Start({descriptor}, {model});");
        if (request is not null)
        {
            writer.Lines($"{names.Scope}.RecordRequest<{request.StateType}>({request.StateExpression}, {request.Lambda});");
        }

        bool returnsValue = operation.ReturnShape != ReturnShape.Void;
        if (returnsValue)
        {
            writer.Line($"{operation.ReturnType} {names.Result};");
        }

        writer.Open("try");
        writer.Line(returnsValue ? $"{names.Result} = {call};" : call + ";");
        writer.Close();
        writer.Open($"catch ({RuntimeNames.Exception} {names.Exception}) when ({names.Scope}.RecordFailure({names.Exception}))");
        writer.Line("throw;");
        writer.Close();
        writer.Line();

        string? recorder = ResultRecorderEmitter.Create(operation, isChunk: false, names, helpers);
        switch (operation.ReturnShape)
        {
            case ReturnShape.Void:
                writer.Line($"{names.Scope}.Complete();");
                break;
            case ReturnShape.Value when recorder is null:
                writer.Line($"{names.Scope}.Complete();");
                writer.Line($"return {names.Result};");
                break;
            case ReturnShape.Value:
                writer.Lines($"{names.Scope}.Complete<{operation.ResultType}>({names.Result}, {recorder});");
                writer.Line($"return {names.Result};");
                break;
            case ReturnShape.Task:
            case ReturnShape.ValueTask:
                writer.Line($"return {RuntimeNames.TaskTracking}.Track({names.Result}, {names.Scope});");
                break;
            case ReturnShape.TaskOfT:
            case ReturnShape.ValueTaskOfT:
                writer.Lines($"return {RuntimeNames.TaskTracking}.Track<{operation.ResultType}>({names.Result}, {names.Scope}, {recorder ?? "null"});");
                break;
        }
    }

    private static void EmitStream(SourceWriter writer, OperationMethodModel operation, string descriptor, string model, string call, RequestRecorder? request, LocalNames names, HelperSet helpers)
    {
        // The span opens when the stream is enumerated; only an implementation that throws at once is recorded here.
        writer.Line($"{operation.ReturnType} {names.Result};");
        writer.Open("try");
        writer.Line($"{names.Result} = {call};");
        writer.Close();
        writer.Open($"catch ({RuntimeNames.Exception} {names.Exception}) when ({RuntimeNames.Scope}.StartFailed({descriptor}, {model}, {names.Exception}))");
        writer.Line("throw;");
        writer.Close();
        writer.Line();

        string? recorder = ResultRecorderEmitter.Create(operation, isChunk: true, names, helpers);
        string stateType = request?.StateType ?? "object?";
        writer.Lines(
            $"return {RuntimeNames.StreamTracking}.Track<{operation.ResultType}, {stateType}>(\n" +
            $"    {names.Result},\n" +
            $"    {descriptor},\n" +
            $"    {model},\n" +
            $"    {request?.StateExpression ?? "null"},\n" +
            $"    {Indented(request?.Lambda) ?? "null"},\n" +
            $"    {Indented(recorder) ?? "null"});");
    }

    /// <summary>The run-time model: a <c>[Model]</c> parameter first, then the model id of the request options.</summary>
    private static string ModelExpression(RequestMappingModel request)
    {
        string? optionsModel = request.Options is { Kind: OptionsKind.MeaiChat or OptionsKind.MeaiEmbedding } options
            ? $"{options.Name}?.ModelId"
            : null;
        return (request.ModelParameter, optionsModel) switch
        {
            (null, null) => "null",
            ({ } parameter, null) => parameter,
            (null, { } fromOptions) => fromOptions,
            ({ } parameter, { } fromOptions) => $"{parameter} ?? {fromOptions}",
        };
    }

    private static string? Indented(string? multiline) => multiline?.Replace("\n", "\n    ");
}

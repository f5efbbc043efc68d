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
    public static void Emit(SourceWriter writer, OperationMethodModel operation, int ordinal, string generatedCodeAttribute, HelperSet helpers, SemanticConventionsVersion conventions)
    {
        var names = new LocalNames(operation.Parameters);
        string descriptor = $"{RuntimeNames.HelperClass}.Operation{ordinal}";
        string arguments = string.Join(", ", operation.Parameters.Select(static p => p.ArgumentPrefix + p.Name));
        string call = $"{operation.ImplementationCall}({arguments})";
        string instrumented = $"__LlmTelemetry_Instrumented{ordinal}";

        writer.Line(generatedCodeAttribute);
        WriteSignature(writer, $"{operation.Modifiers} {operation.ReturnType} {operation.Name}{operation.TypeParameters}", operation.Parameters, static p => p.DeclarationPrefix, operation.ConstraintClauses);
        writer.Open();

        bool choosesGuardsWhenIdle = GuardEmitter.ChoosesGuardsWhenIdle(operation);
        string InstrumentedCall(string? chosenGuards) =>
            $"{instrumented}{operation.TypeParameters}({string.Join(", ", new[] { arguments, chosenGuards }.Where(static a => !string.IsNullOrEmpty(a)))})";

        if (choosesGuardsWhenIdle)
        {
            // A guard that throws or falls back changes what the caller gets, so even when nothing listens it is sampled;
            // a call that no such guard judges goes straight to the implementation.
            writer.Open($"if (!{ConventionChoice.IdleCheck(conventions, operation.Operation.OperationName, streaming: false)})");
            writer.Line($"int {names.SelectedGuards} = {RuntimeNames.Guarding}.SelectWhenIdle({RuntimeNames.HelperClass}.Guards{ordinal});");
            writer.Open($"if ({names.SelectedGuards} == 0)");
            WriteReturn(writer, operation, call);
            writer.Close();
            writer.Line();
            WriteReturn(writer, operation, InstrumentedCall(names.SelectedGuards));
            writer.Close();
            writer.Line();
        }
        else if (!operation.Guards.Any(static g => g.ActsOnCall))
        {
            bool streaming = operation.ReturnShape == ReturnShape.AsyncEnumerable;
            writer.Open($"if (!{ConventionChoice.IdleCheck(conventions, operation.Operation.OperationName, streaming)})");
            WriteReturn(writer, operation, call);
            writer.Close();
            writer.Line();
        }

        WriteReturn(writer, operation, InstrumentedCall(choosesGuardsWhenIdle ? $"{RuntimeNames.Guarding}.SelectAtStart" : null));
        writer.Close();
        writer.Line();

        // The instrumented path is a separate method the JIT never inlines: the method that nothing listens to stays
        // a branch and a call, without the frame (scope struct, exception handling) the instrumented path needs.
        writer.Line(generatedCodeAttribute);
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        WriteSignature(writer, $"{HelperModifiers(operation)} {operation.ReturnType} {instrumented}{operation.TypeParameters}", operation.Parameters, LocalPrefix, operation.ConstraintClauses, choosesGuardsWhenIdle ? $"int {names.SelectedGuards}" : null);
        writer.Open();
        string model = WriteModel(writer, operation.Request, names);

        // Start(descriptor, model) or, for a retrieval with a [DataSource] parameter, Start(descriptor, model, dataSource).
        string startArguments = operation.Request.DataSourceParameter is { } dataSource ? $"{model}, {dataSource}" : model;

        RequestRecorder? request = RequestRecorderEmitter.Create(operation, names, helpers);
        if (request is { IsShared: false })
        {
            request = request with { Lambda = Shared(operation, $"{RuntimeNames.RequestRecorder}<{request.StateType}>", request.Lambda, helpers) };
        }

        if (operation.ReturnShape == ReturnShape.AsyncEnumerable)
        {
            EmitStream(writer, operation, ordinal, model, operation.Request.DataSourceParameter ?? "null", call, request, names, helpers);
        }
        else
        {
            EmitCall(writer, operation, ordinal, startArguments, call, request, names, helpers);
        }

        writer.Close();
    }

    /// <summary>
    /// Writes a method's signature line (<paramref name="head"/> is what precedes the parameter list, <paramref name="extra"/>
    /// a parameter after the operation's) and its constraints.
    /// </summary>
    public static void WriteSignature(SourceWriter writer, string head, EquatableArray<ParameterModel> parameters, System.Func<ParameterModel, string> prefix, EquatableArray<string> constraints, string? extra = null)
    {
        System.Collections.Generic.IEnumerable<string> declared = parameters.Select(p => $"{prefix(p)}{p.Type} {p.Name}");
        writer.Line($"{head}({string.Join(", ", extra is null ? declared : declared.Append(extra))})");
        foreach (string constraint in constraints)
        {
            writer.Line("    " + constraint);
        }
    }

    // The helper is private; it is static, 'readonly' (a struct member that must not copy 'this') and 'unsafe'
    // exactly when the operation is.
    private static string HelperModifiers(OperationMethodModel operation)
    {
        string[] declared = operation.Modifiers.Split(' ');
        return "private"
            + (operation.IsStatic ? " static" : string.Empty)
            + (declared.Contains("readonly") ? " readonly" : string.Empty)
            + (declared.Contains("unsafe") ? " unsafe" : string.Empty);
    }

    // The helper takes the parameters as they are passed ('ref', 'out', 'in', 'scoped'), not as an extension
    // or 'params' method declares them.
    private static string LocalPrefix(ParameterModel parameter) =>
        parameter.DeclarationPrefix.Replace("this ", string.Empty).Replace("params ", string.Empty);

    private static void WriteReturn(SourceWriter writer, OperationMethodModel operation, string call)
    {
        if (operation.ReturnShape == ReturnShape.Void)
        {
            writer.Line(call + ";");
            writer.Line("return;");
        }
        else
        {
            writer.Line($"return {call};");
        }
    }

    private static void EmitCall(SourceWriter writer, OperationMethodModel operation, int ordinal, string startArguments, string call, RequestRecorder? request, LocalNames names, HelperSet helpers)
    {
        string descriptor = $"{RuntimeNames.HelperClass}.Operation{ordinal}";
        writer.Line($"var {names.Scope} = {RuntimeNames.Scope}.Start({descriptor}, {startArguments});");
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

        string? recorder = SharedResultRecorder(operation, isChunk: false, names, helpers);
        if (operation.Guards.Count > 0)
        {
            GuardEmitter.EmitGuardedCompletion(writer, operation, ordinal, recorder, names);
            return;
        }

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

    private static void EmitStream(SourceWriter writer, OperationMethodModel operation, int ordinal, string model, string dataSource, string call, RequestRecorder? request, LocalNames names, HelperSet helpers)
    {
        string descriptor = $"{RuntimeNames.HelperClass}.Operation{ordinal}";
        // The span opens when the stream is enumerated; only an implementation that throws at once is recorded here.
        writer.Line($"{operation.ReturnType} {names.Result};");
        writer.Open("try");
        writer.Line($"{names.Result} = {call};");
        writer.Close();
        string dataSourceArgument = dataSource == "null" ? string.Empty : $", {dataSource}";
        writer.Open($"catch ({RuntimeNames.Exception} {names.Exception}) when ({RuntimeNames.Scope}.StartFailed({descriptor}, {model}, {names.Exception}{dataSourceArgument}))");
        writer.Line("throw;");
        writer.Close();
        writer.Line();

        string? recorder = SharedResultRecorder(operation, isChunk: true, names, helpers);
        string stateType = request?.StateType ?? "object?";
        string guards = operation.Guards.Count > 0 ? ",\n    " + GuardEmitter.EmitGuardedStream(writer, operation, ordinal) : string.Empty;
        writer.Lines(
            $"return {RuntimeNames.StreamTracking}.Track<{operation.ResultType}, {stateType}>(\n" +
            $"    {names.Result},\n" +
            $"    {descriptor},\n" +
            $"    {model},\n" +
            $"    {dataSource},\n" +
            $"    {request?.StateExpression ?? "null"},\n" +
            $"    {Indented(request?.Lambda) ?? "null"},\n" +
            $"    {Indented(recorder) ?? "null"}{guards});");
    }

    private static string? SharedResultRecorder(OperationMethodModel operation, bool isChunk, LocalNames names, HelperSet helpers) =>
        ResultRecorderEmitter.SharedReader(operation)
        ?? (ResultRecorderEmitter.Create(operation, isChunk, names) is { } lambda
            ? Shared(operation, $"{RuntimeNames.ResultRecorder}<{operation.ResultType}>", lambda, helpers)
            : null);

    // A recorder of a generic method may name the method's type parameters, which a field cannot: it stays inline.
    private static string Shared(OperationMethodModel operation, string delegateType, string lambda, HelperSet helpers) =>
        operation.TypeParameters.Length == 0 ? helpers.Recorder(delegateType, lambda) : lambda;

    /// <summary>
    /// Writes the run-time model into a local — a <c>[Model]</c> parameter first, then the model id of the request
    /// options — and returns the local, or <c>null</c> when the model is only known at compile time.
    /// </summary>
    /// <remarks>
    /// The null tests read copies: a <c>?.</c> on a parameter declared not nullable would make the compiler treat it as
    /// maybe-null afterwards, and the call to the implementation would warn.
    /// </remarks>
    private static string WriteModel(SourceWriter writer, RequestMappingModel request, LocalNames names)
    {
        string? options = request.Options is { Kind: OptionsKind.MeaiChat or OptionsKind.MeaiEmbedding } optionsParameter
            ? optionsParameter.Name
            : null;
        if (request.ModelParameter is null && options is null)
        {
            return "null";
        }

        if (options is not null)
        {
            writer.Line($"var {names.RequestOptions} = {options};");
        }

        string fromOptions = $"{names.RequestOptions}?.ModelId";
        writer.Line($"string? {names.Model} = {request.ModelParameter ?? fromOptions};");
        if (options is not null && request.ModelParameter is not null)
        {
            writer.Line($"{names.Model} ??= {fromOptions};");
        }

        return names.Model;
    }

    private static string? Indented(string? multiline) => multiline?.Replace("\n", "\n    ");
}

namespace LlmTelemetry.Generators.Model;

/// <summary>Everything the emitter needs to write the body of one <c>[LlmOperation]</c> method.</summary>
/// <param name="ContainingType">The type the method is declared in.</param>
/// <param name="Name">The method name, escaped when it is a keyword.</param>
/// <param name="Modifiers">The modifiers of the defining declaration, <c>partial</c> included, in source order.</param>
/// <param name="IsStatic">Whether the method is static.</param>
/// <param name="ReturnType">The return type as written in generated code.</param>
/// <param name="ReturnShape">How the method returns.</param>
/// <param name="ResultType">The value type: <c>T</c> of <c>T</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or the chunk type of <c>IAsyncEnumerable&lt;T&gt;</c>.</param>
/// <param name="ResultIsRefLike">Whether the result is a ref struct, which cannot go through a recorder delegate.</param>
/// <param name="TypeParameters">The method's type parameter list, for example <c>&lt;T&gt;</c>, or empty.</param>
/// <param name="ConstraintClauses">The method's constraint clauses, for example <c>where T : class</c>.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="ImplementationCall">The implementation method name with type arguments, for example <c>AnswerCoreAsync&lt;T&gt;</c>.</param>
/// <param name="Operation">The constants of the span and metrics.</param>
/// <param name="Request">How request details are read from the parameters.</param>
/// <param name="Result">How the result is read.</param>
/// <param name="Meai">Which optional Microsoft.Extensions.AI members generated code may use.</param>
/// <param name="Guards">The method's <c>[EvalGuard]</c>s, in declaration order.</param>
internal sealed record OperationMethodModel(
    ContainingTypeModel ContainingType,
    string Name,
    string Modifiers,
    bool IsStatic,
    string ReturnType,
    ReturnShape ReturnShape,
    string? ResultType,
    bool ResultIsRefLike,
    string TypeParameters,
    EquatableArray<string> ConstraintClauses,
    EquatableArray<ParameterModel> Parameters,
    string ImplementationCall,
    OperationDescriptorModel Operation,
    RequestMappingModel Request,
    ResultMappingModel Result,
    MeaiFeatures Meai,
    EquatableArray<GuardModel> Guards);

/// <summary>How a method returns its result.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
}

/// <summary>The compile-time constants of an operation.</summary>
/// <param name="DataSource">For a retrieval, the <c>gen_ai.data_source.id</c> known at compile time.</param>
/// <param name="CountsDocuments">Whether the result is read as retrieved documents.</param>
internal sealed record OperationDescriptorModel(
    string OperationName,
    string? Provider,
    string? Model,
    string? ServerAddress,
    int ServerPort,
    string? DataSource,
    bool CountsDocuments);

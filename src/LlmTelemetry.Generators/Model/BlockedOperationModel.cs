namespace LlmTelemetry.Generators.Model;

/// <summary>
/// An operation method that a usage error keeps from being instrumented, and what its placeholder body needs. Without a
/// body the compiler reports CS8795, and csc runs no analyzer on a compilation that has errors of its own: the usage
/// error that says what is wrong would never reach <c>dotnet build</c>. A body that throws keeps the compiler quiet, so the
/// error is reported; the build fails on it, so the body never runs unless that error is turned off.
/// </summary>
/// <param name="ContainingType">The type the method is declared in.</param>
/// <param name="Name">The method name, escaped when it is a keyword.</param>
/// <param name="Modifiers">The modifiers of the defining declaration, <c>partial</c> included.</param>
/// <param name="ReturnType">The return type as written in generated code.</param>
/// <param name="TypeParameters">The method's type parameter list, or empty.</param>
/// <param name="ConstraintClauses">The method's constraint clauses.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="DiagnosticId">The first usage error reported on the method.</param>
internal sealed record BlockedOperationModel(
    ContainingTypeModel ContainingType,
    string Name,
    string Modifiers,
    string ReturnType,
    string TypeParameters,
    EquatableArray<string> ConstraintClauses,
    EquatableArray<ParameterModel> Parameters,
    string DiagnosticId);

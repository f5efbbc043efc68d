namespace LlmTelemetry.Generators.Model;

/// <summary>A parameter of an operation method, as it is declared and as it is passed on.</summary>
/// <param name="Name">The name, escaped when it is a keyword.</param>
/// <param name="Type">The type as written in generated code.</param>
/// <param name="DeclarationPrefix">Modifiers before the type in the declaration: <c>this</c>, <c>params</c>, <c>scoped</c>, <c>ref</c>, <c>out</c>, <c>in</c>, <c>ref readonly</c>.</param>
/// <param name="ArgumentPrefix">What goes before the name when it is passed on: <c>ref </c>, <c>out </c>, <c>in </c> or nothing.</param>
internal sealed record ParameterModel(string Name, string Type, string DeclarationPrefix, string ArgumentPrefix);

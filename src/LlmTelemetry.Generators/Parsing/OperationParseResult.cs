using System.Collections.Immutable;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>The model of an operation method (when it can be generated) and what is wrong with it.</summary>
internal sealed class OperationParseResult(OperationMethodModel? model, ImmutableArray<Diagnostic> diagnostics)
{
    public OperationMethodModel? Model { get; } = model;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
}

using System.Collections.Immutable;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// The model of an operation method (when it can be generated), or of its placeholder body (when a usage error keeps it from
/// being instrumented), and what is wrong with it.
/// </summary>
internal sealed class OperationParseResult(OperationMethodModel? model, BlockedOperationModel? blocked, ImmutableArray<Diagnostic> diagnostics)
{
    public OperationMethodModel? Model { get; } = model;

    public BlockedOperationModel? Blocked { get; } = blocked;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;
}

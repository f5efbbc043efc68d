using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Operations by identity, hashed by where they are in the source: the flow analysis records a value for every
/// operation it evaluates, and an object-identity hash code costs more than the position the node already knows.
/// </summary>
internal sealed class OperationIdentityComparer : IEqualityComparer<IOperation>
{
    public static readonly OperationIdentityComparer Instance = new();

    public bool Equals(IOperation? x, IOperation? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOperation operation) => (operation.Syntax.SpanStart * 397) ^ (int)operation.Kind;
}

using System.Linq;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Sorts a return type into the shapes a generated body knows how to wrap.</summary>
internal static class ReturnShapeClassifier
{
    /// <param name="method">The operation method.</param>
    /// <param name="known">The recognised types.</param>
    /// <param name="resultType">The value type: <c>T</c> of a sync result, a task's result or a stream's chunk.</param>
    /// <param name="unsupportedReason">Why the shape cannot be wrapped, or <see langword="null"/>.</param>
    public static ReturnShape Classify(IMethodSymbol method, KnownTypes known, out ITypeSymbol? resultType, out string? unsupportedReason)
    {
        resultType = null;
        unsupportedReason = null;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            unsupportedReason = "a method that returns by reference cannot be timed without copying its result";
            return ReturnShape.Value;
        }

        if (method.ReturnsVoid)
        {
            return ReturnShape.Void;
        }

        ITypeSymbol returnType = method.ReturnType;
        if (returnType is INamedTypeSymbol named)
        {
            INamedTypeSymbol definition = named.OriginalDefinition;
            if (Is(definition, known.Task))
            {
                return ReturnShape.Task;
            }

            if (Is(definition, known.ValueTask))
            {
                return ReturnShape.ValueTask;
            }

            if (Is(definition, known.TaskOfT))
            {
                resultType = named.TypeArguments[0];
                return ReturnShape.TaskOfT;
            }

            if (Is(definition, known.ValueTaskOfT))
            {
                resultType = named.TypeArguments[0];
                return ReturnShape.ValueTaskOfT;
            }

            if (Is(definition, known.AsyncEnumerableOfT))
            {
                resultType = named.TypeArguments[0];
                return ReturnShape.AsyncEnumerable;
            }

            if (Is(definition, known.AsyncEnumeratorOfT))
            {
                unsupportedReason = "an enumerator can only be traced through its IAsyncEnumerable<T>; return IAsyncEnumerable<T>";
                return ReturnShape.Value;
            }

            if (known.AsyncEnumerableOfT is not null && named.AllInterfaces.Any(i => Is(i.OriginalDefinition, known.AsyncEnumerableOfT)))
            {
                unsupportedReason = "a stream is traced through IAsyncEnumerable<T> itself; declare the method to return IAsyncEnumerable<T>";
                return ReturnShape.Value;
            }

            if (DerivesFromTask(named, known) || HasGetAwaiter(named))
            {
                unsupportedReason = "only Task, Task<T>, ValueTask and ValueTask<T> are awaited; declare one of them";
                return ReturnShape.Value;
            }
        }

        resultType = returnType;
        return ReturnShape.Value;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    private static bool DerivesFromTask(INamedTypeSymbol type, KnownTypes known)
    {
        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (Is(baseType.OriginalDefinition, known.Task))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasGetAwaiter(INamedTypeSymbol type) =>
        type.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(static m => m.Parameters.Length == 0 && !m.IsStatic);
}

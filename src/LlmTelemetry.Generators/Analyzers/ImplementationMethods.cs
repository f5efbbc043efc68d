using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// The implementation methods of a type's <c>[LlmOperation]</c> and <c>[Retrieval]</c> methods, by the same names the
/// generator uses, computed once per type.
/// </summary>
internal sealed class ImplementationMethods(KnownTypes known, IAssemblySymbol assembly)
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<IMethodSymbol, IMethodSymbol>> _byType = new(SymbolEqualityComparer.Default);

    /// <summary>The operation that <paramref name="method"/> implements, if it is an implementation method.</summary>
    public IMethodSymbol? OperationOf(IMethodSymbol method)
    {
        IMethodSymbol definition = method.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, assembly))
        {
            return null; // a referenced library's method cannot be an implementation this compilation generates a body for
        }

        ImmutableDictionary<IMethodSymbol, IMethodSymbol> map = _byType.GetOrAdd(definition.ContainingType.OriginalDefinition, Compute);
        return map.TryGetValue(definition, out IMethodSymbol? operation) ? operation : null;
    }

    private ImmutableDictionary<IMethodSymbol, IMethodSymbol> Compute(INamedTypeSymbol type)
    {
        var map = ImmutableDictionary.CreateBuilder<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (IMethodSymbol operation in type.GetMembers().OfType<IMethodSymbol>())
        {
            AttributeData? attribute = operation.GetAttributes().FirstOrDefault(a =>
                SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.LlmOperationAttribute)
                || SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.RetrievalAttribute));
            if (attribute is null)
            {
                continue;
            }

            string? named = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Implementation").Value.Value as string;
            string name = named ?? ImplementationResolver.ConventionalName(operation.Name);
            foreach (IMethodSymbol candidate in type.GetMembers(name).OfType<IMethodSymbol>())
            {
                if (ImplementationResolver.Mismatch(operation, candidate) is null)
                {
                    map[candidate.OriginalDefinition] = operation;
                }
            }
        }

        return map.ToImmutable();
    }
}

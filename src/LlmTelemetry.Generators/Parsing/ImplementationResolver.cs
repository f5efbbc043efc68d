using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Finds the method a generated body calls: named by <c>Implementation</c> or by the <c>Core</c> convention.</summary>
internal static class ImplementationResolver
{
    /// <summary>The conventional name: <c>AnswerAsync</c> → <c>AnswerCoreAsync</c>, <c>Embed</c> → <c>EmbedCore</c>.</summary>
    public static string ConventionalName(string methodName) =>
        methodName.EndsWith("Async", System.StringComparison.Ordinal) && methodName.Length > "Async".Length
            ? methodName.Substring(0, methodName.Length - "Async".Length) + "CoreAsync"
            : methodName + "Core";

    public static IMethodSymbol? Resolve(IMethodSymbol method, string name, Location attributeLocation, Compilation compilation, List<Diagnostic> diagnostics)
    {
        var candidates = new List<IMethodSymbol>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (IMethodSymbol candidate in type.GetMembers(name).OfType<IMethodSymbol>())
            {
                if (candidate.MethodKind == MethodKind.Ordinary
                    && !SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method.OriginalDefinition)
                    && !SymbolEqualityComparer.Default.Equals(candidate.PartialDefinitionPart, method)
                    && compilation.IsSymbolAccessibleWithin(candidate, method.ContainingType))
                {
                    candidates.Add(candidate);
                }
            }
        }

        if (candidates.Count == 0)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ImplementationNotFound, attributeLocation, name, method.Name));
            return null;
        }

        string? firstMismatch = null;
        IMethodSymbol? firstCandidate = null;
        foreach (IMethodSymbol candidate in candidates)
        {
            if (DeclaredAlike(method, candidate))
            {
                return candidate;
            }
        }

        foreach (IMethodSymbol candidate in candidates)
        {
            string? mismatch = Mismatch(method, candidate);
            if (mismatch is null)
            {
                return candidate;
            }

            if (firstMismatch is null)
            {
                firstMismatch = mismatch;
                firstCandidate = candidate;
            }
        }

        diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.ImplementationMismatch,
            firstCandidate!.Locations.FirstOrDefault(l => l.IsInSource) ?? attributeLocation,
            firstCandidate.Name,
            method.Name,
            firstMismatch));
        return null;
    }

    // Written in the same type declaration with the same type parameters, return type and parameter types, two
    // signatures bind alike, so the implementation matches without binding its signature (a large part of the
    // generator's time, repeated on every keystroke). Anything else is left to Mismatch.
    private static bool DeclaredAlike(IMethodSymbol method, IMethodSymbol candidate)
    {
        if ((method.IsStatic && !candidate.IsStatic)
            || method.DeclaringSyntaxReferences.Length != 1
            || candidate.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax declared
            || candidate.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax implementation
            || declared.Parent is null
            || declared.Parent != implementation.Parent
            || !Equivalent(declared.ReturnType, implementation.ReturnType)
            || !Equivalent(declared.TypeParameterList, implementation.TypeParameterList)
            || declared.ParameterList.Parameters.Count != implementation.ParameterList.Parameters.Count)
        {
            return false;
        }

        for (int i = 0; i < declared.ParameterList.Parameters.Count; i++)
        {
            ParameterSyntax expected = declared.ParameterList.Parameters[i];
            ParameterSyntax actual = implementation.ParameterList.Parameters[i];
            if (!Equivalent(expected.Type, actual.Type) || !SameModifiers(expected.Modifiers, actual.Modifiers))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Equivalent(SyntaxNode? left, SyntaxNode? right) =>
        left is null ? right is null : right is not null && left.IsEquivalentTo(right, topLevel: false);

    private static bool SameModifiers(SyntaxTokenList left, SyntaxTokenList right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (left[i].RawKind != right[i].RawKind)
            {
                return false;
            }
        }

        return true;
    }

    internal static string? Mismatch(IMethodSymbol method, IMethodSymbol candidate)
    {
        if (method.IsStatic && !candidate.IsStatic)
        {
            return "it is an instance method, and a static method cannot call it";
        }

        if (candidate.TypeParameters.Length != method.TypeParameters.Length)
        {
            return $"it has {candidate.TypeParameters.Length} type parameter(s) where {method.TypeParameters.Length} are expected";
        }

        IMethodSymbol constructed = candidate.TypeParameters.Length == 0
            ? candidate
            : candidate.Construct(method.TypeParameters.Cast<ITypeSymbol>().ToArray());

        if (constructed.Parameters.Length != method.Parameters.Length)
        {
            return $"it has {constructed.Parameters.Length} parameter(s) where {method.Parameters.Length} are expected";
        }

        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol expected = method.Parameters[i];
            IParameterSymbol actual = constructed.Parameters[i];
            if (!SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type))
            {
                return $"parameter {i + 1} is '{actual.Type.ToDisplayString()}' where '{expected.Type.ToDisplayString()}' is expected";
            }

            if (!RefKindsMatch(expected.RefKind, actual.RefKind))
            {
                return $"parameter {i + 1} is passed as '{RefKindText(actual.RefKind)}' where '{RefKindText(expected.RefKind)}' is expected";
            }
        }

        if (method.ReturnsByRef != constructed.ReturnsByRef || method.ReturnsByRefReadonly != constructed.ReturnsByRefReadonly)
        {
            return "it returns by reference differently";
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, constructed.ReturnType))
        {
            return $"it returns '{constructed.ReturnType.ToDisplayString()}' where '{method.ReturnType.ToDisplayString()}' is expected";
        }

        return null;
    }

    // An 'in' argument may be passed to an 'in' or a 'ref readonly' parameter, and the other way round.
    private static bool RefKindsMatch(RefKind expected, RefKind actual) =>
        expected == actual || (IsReadOnlyReference(expected) && IsReadOnlyReference(actual));

    private static bool IsReadOnlyReference(RefKind refKind) => refKind is RefKind.In or RefKind.RefReadOnlyParameter;

    private static string RefKindText(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "by value",
    };
}

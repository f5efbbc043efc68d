using System.Collections.Generic;
using System.Linq;
using System.Text;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Reads the chain of types an operation method is declared in, and checks that each can be reopened.</summary>
internal static class ContainingTypeParser
{
    public static ContainingTypeModel? Parse(IMethodSymbol method, List<Diagnostic> diagnostics)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            chain.Add(type);
        }

        chain.Reverse();
        bool valid = true;
        var declarations = new List<TypeDeclarationModel>(chain.Count);
        foreach (INamedTypeSymbol type in chain)
        {
            TypeDeclarationSyntax? syntax = type.DeclaringSyntaxReferences
                .Select(static r => r.GetSyntax())
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault();
            if (syntax is null || syntax.Identifier.IsMissing)
            {
                return null; // a type without source or without a name yet, as while typing: nothing to say yet
            }

            string? unsupported = type.TypeKind switch
            {
                TypeKind.Interface => "an interface",
                _ when syntax.Modifiers.Any(SyntaxKind.FileKeyword) => "a file-local type (a generated file cannot reopen it)",
                _ => null,
            };
            if (unsupported is not null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedContainingType, method.Locations.FirstOrDefault(), method.Name, unsupported));
                valid = false;
                continue;
            }

            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.TypeMustBePartial, syntax.Identifier.GetLocation(), type.Name, method.Name));
                valid = false;
                continue;
            }

            declarations.Add(new TypeDeclarationModel(Keyword(type, syntax), type.Name + SymbolFormatting.TypeParameterList(type.TypeParameters)));
        }

        if (!valid)
        {
            return null;
        }

        string? ns = method.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        return new ContainingTypeModel(ns, declarations.ToEquatableArray(), MetadataName(ns, chain));
    }

    private static string Keyword(INamedTypeSymbol type, TypeDeclarationSyntax syntax)
    {
        var keyword = new StringBuilder();
        if (type.IsStatic)
        {
            keyword.Append("static ");
        }

        // 'readonly' and 'ref' are repeated because a struct's parts must agree on them.
        if (syntax.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
        {
            keyword.Append("readonly ");
        }

        if (syntax.Modifiers.Any(SyntaxKind.RefKeyword))
        {
            keyword.Append("ref ");
        }

        keyword.Append("partial ");
        keyword.Append((type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (false, TypeKind.Struct) => "struct",
            _ => "class",
        });
        return keyword.ToString();
    }

    private static string MetadataName(string? ns, List<INamedTypeSymbol> chain)
    {
        string types = string.Join("+", chain.Select(static t => t.MetadataName.Replace('`', '-')));
        return ns is null ? types : ns + "." + types;
    }
}

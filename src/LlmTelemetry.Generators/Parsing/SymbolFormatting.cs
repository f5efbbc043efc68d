using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>How symbols are written in generated code: fully qualified, nullable annotations kept, keywords escaped.</summary>
internal static class SymbolFormatting
{
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>An attribute's name as written in brackets: <c>PrivateDataAttribute</c> → <c>PrivateData</c>.</summary>
    public static string AttributeName(INamedTypeSymbol attribute) =>
        attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;

    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string TypeParameterList(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        string[] names = typeParameters.Select(static t => Identifier(t.Name)).ToArray();
        return names.Length == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
    }

    /// <summary>The <c>where</c> clauses a partial method's implementation must repeat exactly.</summary>
    public static IEnumerable<string> ConstraintClauses(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        foreach (ITypeParameterSymbol typeParameter in typeParameters)
        {
            var constraints = new List<string>();
            if (typeParameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }
            else if (typeParameter.HasReferenceTypeConstraint)
            {
                constraints.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            for (int i = 0; i < typeParameter.ConstraintTypes.Length; i++)
            {
                ITypeSymbol constraint = typeParameter.ConstraintTypes[i];
                if (i < typeParameter.ConstraintNullableAnnotations.Length)
                {
                    constraint = constraint.WithNullableAnnotation(typeParameter.ConstraintNullableAnnotations[i]);
                }

                constraints.Add(Type(constraint));
            }

            if (typeParameter.HasConstructorConstraint)
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                yield return "where " + Identifier(typeParameter.Name) + " : " + string.Join(", ", constraints);
            }
        }
    }

    /// <summary>Whether a type mentions a pointer, which needs an unsafe context in generated code.</summary>
    public static bool MentionsPointer(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => MentionsPointer(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(MentionsPointer),
        _ => false,
    };

    /// <summary>Whether a type or anything in it failed to bind, as while the user is typing.</summary>
    public static bool HasErrors(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => HasErrors(array.ElementType),
        IPointerTypeSymbol pointer => HasErrors(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasErrors),
        _ => false,
    };
}

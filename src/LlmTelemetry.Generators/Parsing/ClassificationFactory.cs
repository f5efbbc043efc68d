using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// Turns the data-classification attributes on a parameter into an expression that builds the same
/// <c>DataClassificationSet</c> at run time, by creating the attributes again — no reflection.
/// </summary>
internal static class ClassificationFactory
{
    private const string SetType = "global::Microsoft.Extensions.Compliance.Classification.DataClassificationSet";
    private const string ClassificationType = "global::Microsoft.Extensions.Compliance.Classification.DataClassification";

    public static string? Expression(IParameterSymbol parameter, KnownTypes known)
    {
        if (known.DataClassificationAttribute is null)
        {
            return null;
        }

        var creations = new List<string>();
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { IsAbstract: false } attributeClass
                && ResultMappingParser.DerivesFrom(attributeClass, known.DataClassificationAttribute)
                && Creation(attribute) is { } creation)
            {
                creations.Add(creation + ".Classification");
            }
        }

        return creations.Count switch
        {
            0 => null,
            1 => $"new {SetType}({creations[0]})",
            _ => $"new {SetType}(new {ClassificationType}[] {{ {string.Join(", ", creations)} }})",
        };
    }

    private static string? Creation(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Any(static a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(static a => a.Value.Kind == TypedConstantKind.Error))
        {
            return null;
        }

        string arguments = string.Join(", ", attribute.ConstructorArguments.Select(static a => a.ToCSharpString()));
        string creation = $"new {SymbolFormatting.Type(attribute.AttributeClass!)}({arguments})";
        if (attribute.NamedArguments.Length > 0)
        {
            creation += " { " + string.Join(", ", attribute.NamedArguments.Select(static a => $"{SymbolFormatting.Identifier(a.Key)} = {a.Value.ToCSharpString()}")) + " }";
        }

        return creation;
    }
}

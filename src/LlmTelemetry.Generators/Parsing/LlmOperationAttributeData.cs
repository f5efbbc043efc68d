using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// The arguments of one <c>[LlmOperation]</c> or <c>[Retrieval]</c> attribute, with where each was written for
/// diagnostics.
/// </summary>
internal sealed class LlmOperationAttributeData
{
    private readonly AttributeSyntax? _syntax;

    private LlmOperationAttributeData(AttributeData attribute, bool isRetrieval)
    {
        _syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
        AttributeLocation = _syntax?.GetLocation() ?? Location.None;
        IsRetrieval = isRetrieval;

        OperationName = isRetrieval ? "retrieval" : "chat";
        if (!isRetrieval && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: var name })
        {
            OperationName = name as string;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            object? value = argument.Value.Kind == TypedConstantKind.Error ? null : argument.Value.Value;
            switch (argument.Key)
            {
                case "Provider":
                    Provider = value as string;
                    break;
                case "Model":
                    Model = value as string;
                    break;
                case "Implementation":
                    Implementation = value as string;
                    HasImplementation = true;
                    break;
                case "ServerAddress":
                    ServerAddress = value as string;
                    break;
                case "ServerPort":
                    ServerPort = value is int port ? port : 0;
                    break;
                case "DataSource":
                    DataSource = value as string;
                    break;
            }
        }
    }

    /// <summary>Whether the attribute is <c>[Retrieval]</c>.</summary>
    public bool IsRetrieval { get; }

    /// <summary>The data source of a retrieval.</summary>
    public string? DataSource { get; }

    /// <summary>The operation name; <see langword="null"/> when written as <see langword="null"/>.</summary>
    public string? OperationName { get; }

    public string? Provider { get; }

    public string? Model { get; }

    public string? Implementation { get; }

    public bool HasImplementation { get; }

    public string? ServerAddress { get; }

    public int ServerPort { get; }

    public Location AttributeLocation { get; }

    public static LlmOperationAttributeData Read(AttributeData attribute, bool isRetrieval) => new(attribute, isRetrieval);

    /// <summary>Where the named argument <paramref name="name"/> was written, or the attribute when it was not.</summary>
    public Location ArgumentLocation(string name)
    {
        AttributeArgumentSyntax? argument = _syntax?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument?.GetLocation() ?? AttributeLocation;
    }

    /// <summary>Where the operation name was written, or the attribute when it was not.</summary>
    public Location OperationNameLocation()
    {
        AttributeArgumentSyntax? argument = _syntax?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals is null && a.NameColon is null || a.NameColon?.Name.Identifier.ValueText == "operationName");
        return argument?.GetLocation() ?? AttributeLocation;
    }
}

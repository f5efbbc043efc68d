namespace LlmTelemetry.Generators.Model;

/// <summary>One generated file: a containing type and its operation methods, in declaration order.</summary>
internal sealed record TypeFileModel(ContainingTypeModel Type, EquatableArray<OperationMethodModel> Operations)
{
    public string HintName => Type.MetadataName + ".LlmTelemetry.g.cs";
}

namespace LlmTelemetry.Generators.Model;

/// <summary>
/// One generated file: a containing type, its operation methods and the placeholder bodies of those a usage error keeps
/// from being instrumented, each in declaration order, and the release of the conventions the build chose.
/// </summary>
internal sealed record TypeFileModel(ContainingTypeModel Type, EquatableArray<OperationMethodModel> Operations, EquatableArray<BlockedOperationModel> Blocked, SemanticConventionsVersion Conventions)
{
    public string HintName => Type.MetadataName + ".LlmTelemetry.g.cs";
}

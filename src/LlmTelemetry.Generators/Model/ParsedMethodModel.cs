namespace LlmTelemetry.Generators.Model;

/// <summary>What the generator writes for one annotated method: an instrumented body, or a placeholder body (one of the two).</summary>
internal sealed record ParsedMethodModel(OperationMethodModel? Operation, BlockedOperationModel? Blocked)
{
    public ContainingTypeModel ContainingType => Operation?.ContainingType ?? Blocked!.ContainingType;
}

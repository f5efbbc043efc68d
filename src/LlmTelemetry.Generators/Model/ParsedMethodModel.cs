namespace LlmTelemetry.Generators.Model;

/// <summary>
/// What the generator writes for one annotated method: an instrumented body, a placeholder body, or — where no body can
/// be written because a containing type is not partial — the error it reports (one of the three).
/// </summary>
internal sealed record ParsedMethodModel(OperationMethodModel? Operation, BlockedOperationModel? Blocked, TypeNotPartialModel? TypeNotPartial = null)
{
    public bool HasBody => Operation is not null || Blocked is not null;

    public ContainingTypeModel ContainingType => Operation?.ContainingType ?? Blocked!.ContainingType;
}

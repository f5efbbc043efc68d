namespace LlmTelemetry.Generators.Model;

/// <summary>What the generator writes for one annotated method: an instrumented body, or a placeholder body.</summary>
internal sealed record ParsedMethodModel(OperationMethodModel? Operation, BlockedOperationModel? Blocked);

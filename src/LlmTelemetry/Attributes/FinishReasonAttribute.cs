using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the member of a result type that holds why the model stopped: a <see cref="string"/>, an enum or a
/// collection of strings (<c>gen_ai.response.finish_reasons</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class FinishReasonAttribute : Attribute
{
}

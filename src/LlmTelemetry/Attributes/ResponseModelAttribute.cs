using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the <see cref="string"/> member of a result type that names the model that answered
/// (<c>gen_ai.response.model</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ResponseModelAttribute : Attribute
{
}

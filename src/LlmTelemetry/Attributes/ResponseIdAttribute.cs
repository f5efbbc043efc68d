using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the <see cref="string"/> member of a result type that holds the provider response id
/// (<c>gen_ai.response.id</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ResponseIdAttribute : Attribute
{
}

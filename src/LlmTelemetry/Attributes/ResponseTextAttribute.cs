using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the <see cref="string"/> member of a result type that holds the generated text. With content capture
/// on it is recorded in <c>gen_ai.output.messages</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ResponseTextAttribute : Attribute
{
}

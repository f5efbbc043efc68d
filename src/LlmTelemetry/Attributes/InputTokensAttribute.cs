using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the integer member of a result type that holds the input (prompt) token count
/// (<c>gen_ai.usage.input_tokens</c>, and the <c>input</c> point of <c>gen_ai.client.token.usage</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class InputTokensAttribute : Attribute
{
}

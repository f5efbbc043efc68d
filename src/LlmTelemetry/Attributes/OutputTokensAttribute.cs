using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the integer member of a result type that holds the output (completion) token count
/// (<c>gen_ai.usage.output_tokens</c>, and the <c>output</c> point of <c>gen_ai.client.token.usage</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class OutputTokensAttribute : Attribute
{
}

using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the integer member of a result type that holds the output tokens spent on reasoning
/// (<c>gen_ai.usage.reasoning.output_tokens</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class ReasoningOutputTokensAttribute : Attribute
{
}

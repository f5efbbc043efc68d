using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the integer member of a result type that holds the input tokens served from the provider cache
/// (<c>gen_ai.usage.cache_read.input_tokens</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class CacheReadInputTokensAttribute : Attribute
{
}

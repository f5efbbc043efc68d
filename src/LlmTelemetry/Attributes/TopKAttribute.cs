using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the integer parameter of a <see cref="RetrievalAttribute"/> method that holds how many documents are asked
/// for (<c>gen_ai.retrieval.top_k</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TopKAttribute : Attribute
{
}

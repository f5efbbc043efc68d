using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the numeric member of a retrieved document type that holds its relevance score (the <c>score</c> of each
/// entry of <c>gen_ai.retrieval.documents</c>, and the best score of the retrieval).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class DocumentScoreAttribute : Attribute
{
}

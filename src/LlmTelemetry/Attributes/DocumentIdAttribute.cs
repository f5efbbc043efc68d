using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the member of a retrieved document type that identifies the document: a <see cref="string"/>, an integer
/// or a <see cref="Guid"/> (the <c>id</c> of each entry of <c>gen_ai.retrieval.documents</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class DocumentIdAttribute : Attribute
{
}

using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a parameter as prompt content. On an <see cref="LlmOperationAttribute"/> method: a <see cref="string"/>
/// (sent as one user message) or a collection of chat messages, recorded in <c>gen_ai.input.messages</c> with
/// content capture on. On a <see cref="RetrievalAttribute"/> method: the query text, recorded in
/// <c>gen_ai.retrieval.query.text</c>. A data classification on the parameter redacts it first.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PromptAttribute : Attribute
{
}

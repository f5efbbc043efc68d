using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a parameter as prompt content. On an <see cref="LlmOperationAttribute"/> method: a <see cref="string"/>
/// (sent as one user message) or a collection of chat messages, recorded in <c>gen_ai.input.messages</c> with
/// content capture on. On a <see cref="RetrievalAttribute"/> method: the query text, recorded in
/// <c>gen_ai.retrieval.query.text</c>. A data classification on the parameter redacts it first.
/// </summary>
/// <remarks>
/// Anywhere else — any method's parameter, a property, a field, a method's return value — it marks prompt data for the
/// data-exposure analyzers (LLMT1001–LLMT1004), which report the value reaching a log, the console or a span unredacted.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class PromptAttribute : Attribute
{
}

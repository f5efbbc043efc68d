using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a parameter of an <see cref="LlmOperationAttribute"/> method as prompt content: a <see cref="string"/>
/// (sent as one user message) or a collection of chat messages. With content capture on it is recorded in
/// <c>gen_ai.input.messages</c>; a data classification on the parameter redacts it first.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PromptAttribute : Attribute
{
}

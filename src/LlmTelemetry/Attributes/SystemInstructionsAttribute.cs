using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a <see cref="string"/> parameter of an <see cref="LlmOperationAttribute"/> method as system
/// instructions that the model API takes apart from the chat history. With content capture on it is recorded
/// in <c>gen_ai.system_instructions</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SystemInstructionsAttribute : Attribute
{
}

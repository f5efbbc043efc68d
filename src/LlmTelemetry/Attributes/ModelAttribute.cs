using System;

namespace LlmTelemetry;

/// <summary>
/// Marks the <see cref="string"/> parameter of an <see cref="LlmOperationAttribute"/> method that names the
/// model chosen at run time (<c>gen_ai.request.model</c>). It overrides <see cref="LlmOperationAttribute.Model"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ModelAttribute : Attribute
{
}

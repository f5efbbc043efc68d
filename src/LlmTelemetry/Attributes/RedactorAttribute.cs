using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a method whose return value is safe to log or record whatever text it is given: LlmTelemetry's data-exposure
/// analyzers (LLMT1001–LLMT1004) treat its result as redacted.
/// </summary>
/// <remarks>
/// Mark only a method that really removes the content (erases, masks or hashes it). Shortening text or replacing a
/// few words is not redaction. Methods of a library you cannot change can be listed in <c>.editorconfig</c> under
/// <c>llmtelemetry.data_exposure.redactors</c> instead.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RedactorAttribute : Attribute
{
}

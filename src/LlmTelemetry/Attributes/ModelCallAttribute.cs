using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a method of your own that calls a model — a gateway, a wrapper around a client library — so that LlmTelemetry's
/// analyzers treat calls to it as model calls: an untraced call is reported (LLMT2001, LLMT2002), the values passed to it
/// are prompts and its result is a completion (LLMT1001–LLMT1004).
/// </summary>
/// <remarks>
/// Calls made inside the marked method itself are not reported as untraced: its callers are checked instead. Methods of
/// a library you cannot change can be listed in <c>.editorconfig</c> under <c>llmtelemetry.model_call_methods</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModelCallAttribute : Attribute
{
}

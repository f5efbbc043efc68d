using Microsoft.Extensions.Compliance.Classification;

namespace LlmTelemetry;

/// <summary>
/// Makes prompt or completion text safe to write to a log, the console or a span: the target of the LLMT1001–LLMT1004
/// code fixes.
/// </summary>
public static class LlmContent
{
    /// <summary>The classification <see cref="Redact"/> asks the configured redactor provider to redact.</summary>
    public static DataClassification Classification { get; } = new("LlmTelemetry", "LlmContent");

    /// <summary>
    /// Redacts <paramref name="text"/> with the redactor that <see cref="LlmTelemetryOptions.RedactorProvider"/> gives for
    /// <see cref="Classification"/>; without a provider the text is erased, as captured content is.
    /// </summary>
    /// <param name="text">Prompt or completion text.</param>
    /// <returns>The redacted text; empty when <paramref name="text"/> is <see langword="null"/> or empty, or no provider is set.</returns>
    [Redactor]
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : LlmTelemetrySettings.Current.RedactorProvider?.GetRedactor(Classification).Redact(text) ?? string.Empty;
}

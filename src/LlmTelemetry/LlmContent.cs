using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// A short fingerprint of <paramref name="text"/> — <c>sha256:</c> and the first 16 hexadecimal digits of the SHA-256
    /// of its UTF-8 bytes — to log in its place: the same text always gives the same fingerprint, so log lines about one
    /// prompt can be correlated, and the text cannot be read back from it.
    /// </summary>
    /// <param name="text">Prompt or completion text.</param>
    /// <returns>The fingerprint; empty when <paramref name="text"/> is <see langword="null"/>.</returns>
    /// <remarks>
    /// A hash hides text that cannot be guessed. A short or predictable value ("yes", an order number) can be found by
    /// hashing candidates; redact those instead.
    /// </remarks>
    [Redactor]
    public static string Fingerprint(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text);
#if NET
        byte[] hash = SHA256.HashData(bytes);
#else
        byte[] hash;
        using (SHA256 sha256 = SHA256.Create())
        {
            hash = sha256.ComputeHash(bytes);
        }
#endif
        const string Digits = "0123456789abcdef";
        var fingerprint = new StringBuilder("sha256:", 7 + 16);
        for (int i = 0; i < 8; i++)
        {
            fingerprint.Append(Digits[hash[i] >> 4]).Append(Digits[hash[i] & 0xF]);
        }

        return fingerprint.ToString();
    }
}

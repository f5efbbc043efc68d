using System;
using System.Security.Cryptography;
using System.Text;
using LlmTelemetry.Tests.Infrastructure;
using Microsoft.Extensions.Compliance.Classification;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>What the LLMT1001–LLMT1004 code fixes put in place of prompt or completion text.</summary>
public sealed class LlmContentTests
{
    private const string Prompt = "My card is 4111 1111 1111 1111";

    [Fact]
    public void Fingerprint_is_the_start_of_the_SHA_256_and_never_the_text()
    {
        string fingerprint = LlmContent.Fingerprint(Prompt);

        string expected = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Prompt)), 0, 8).ToLowerInvariant();
        Assert.Equal(expected, fingerprint);
        Assert.Equal(LlmContent.Fingerprint(Prompt), fingerprint); // stable: log lines about one prompt correlate
        Assert.NotEqual(LlmContent.Fingerprint(Prompt + "!"), fingerprint);
        Assert.DoesNotContain("4111", fingerprint);
        Assert.Equal(string.Empty, LlmContent.Fingerprint(null));
    }

    [Fact]
    public void Redact_uses_the_configured_provider_and_erases_without_one()
    {
        using (new TelemetryCapture(configure: options => options.RedactorProvider = new StarRedactorProvider()))
        {
            Assert.Equal("***", LlmContent.Redact(Prompt));
            Assert.Equal(new DataClassificationSet(LlmContent.Classification), StarRedactorProvider.LastClassification);
        }

        using (new TelemetryCapture())
        {
            Assert.Equal(string.Empty, LlmContent.Redact(Prompt));
        }

        Assert.Equal(string.Empty, LlmContent.Redact(null));
    }
}

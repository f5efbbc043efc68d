using System;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace LlmTelemetry.Tests.Infrastructure;

/// <summary>A redactor provider whose redactor replaces any text with <c>***</c>, remembering the classification asked for.</summary>
internal sealed class StarRedactorProvider : IRedactorProvider
{
    public static DataClassificationSet? LastClassification { get; private set; }

    public Redactor GetRedactor(DataClassificationSet classifications)
    {
        LastClassification = classifications;
        return new StarRedactor();
    }

    private sealed class StarRedactor : Redactor
    {
        public override int GetRedactedLength(ReadOnlySpan<char> input) => 3;

        public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
        {
            "***".AsSpan().CopyTo(destination);
            return 3;
        }
    }
}

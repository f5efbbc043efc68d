using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// The analyzer verifier hides compiler errors (partial methods have no body before the generator runs), so code written
/// against real client and logging libraries is also compiled on its own: a call that does not bind would otherwise pass
/// unnoticed.
/// </summary>
internal static class MarkupCompilation
{
    private static readonly Regex s_markup = new(@"\{\|(?:LLMT\d+|#\d+):([^|]*)\|\}", RegexOptions.Compiled);

    public static void AssertCompiles(string markup, params MetadataReference[] references)
    {
        string plain = s_markup.Replace(markup, "$1");
        Diagnostic[] errors = GeneratorHarness.Compilation(TestReferences.All.AddRange(references), plain).GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(static e => e.ToString())));
    }
}

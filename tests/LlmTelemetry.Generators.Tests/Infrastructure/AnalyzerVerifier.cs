using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing set up offline: no reference-assembly package is resolved (its default
/// downloads one); the compilation references what <see cref="TestReferences"/> holds.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, null, expected);

    public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        VerifyAsync(source, editorConfig, System.Array.Empty<MetadataReference>(), expected);

    /// <param name="references">References beside <see cref="TestReferences.All"/>.</param>
    public static Task VerifyAsync(string source, string? editorConfig, MetadataReference[] references, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.AdditionalReferences.AddRange(references);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    private sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = OfflineReferenceAssemblies.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            // Partial methods have no body until the generator runs; compiler errors about that are not under test.
            CompilerDiagnostics = CompilerDiagnostics.None;
        }
    }
}

internal static class OfflineReferenceAssemblies
{
    /// <summary>A target framework with no reference-assembly package: resolving it downloads nothing.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");
}

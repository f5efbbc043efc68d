using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>Microsoft.CodeAnalysis.Testing's code-fix test, offline as <see cref="AnalyzerVerifier{TAnalyzer}"/> is.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, int? iterations = null, string? equivalenceKey = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        if (iterations is int count)
        {
            test.NumberOfFixAllIterations = count;
            test.NumberOfIncrementalIterations = count;
        }

        return test.RunAsync();
    }

    /// <summary>
    /// The fix chosen by <paramref name="equivalenceKey"/>, applied one diagnostic at a time, gives <paramref name="fixedSource"/>,
    /// in which the diagnostics it is not offered for stay (marked up); Fix All with it, in document, project and solution
    /// scope, gives <paramref name="batchFixedSource"/>.
    /// </summary>
    public static Task VerifyFixAllAsync(string source, string fixedSource, string batchFixedSource, string equivalenceKey)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.BatchFixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.BatchFixedState.Sources.Add(batchFixedSource);
        test.BatchFixedState.AdditionalReferences.AddRange(TestReferences.All);
        return test.RunAsync();
    }

    /// <summary>No fix, or none with <paramref name="equivalenceKey"/>, is offered for the diagnostics in <paramref name="source"/>.</summary>
    public static Task VerifyNoFixAsync(string source, string? equivalenceKey = null)
    {
        var test = new Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = equivalenceKey };
        return test.RunAsync();
    }

    private sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = OfflineReferenceAssemblies.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            FixedState.AdditionalReferences.AddRange(TestReferences.All);
            // Before the fix the calls compile; after it the partial method's body comes from the generator, which these tests do not run.
            CompilerDiagnostics = CompilerDiagnostics.None;
        }
    }
}

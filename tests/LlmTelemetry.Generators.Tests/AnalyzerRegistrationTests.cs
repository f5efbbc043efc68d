using System.Collections.Immutable;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// The analyzers cost nothing in a compilation that references no client library and no LlmTelemetry: they register no
/// action there (and do register them once a client library is referenced, so the check can fail).
/// </summary>
public sealed class AnalyzerRegistrationTests
{
    private const string Source = """
        public class Printer
        {
            public void Print(string text) => System.Console.WriteLine(text);
        }
        """;

    public static TheoryData<DiagnosticAnalyzer> Analyzers => new() { new DataExposureAnalyzer(), new RawContentCaptureAnalyzer(), new UntracedModelCallAnalyzer() };

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task No_actions_without_a_client_library_or_LlmTelemetry(DiagnosticAnalyzer analyzer)
    {
        AnalyzerTelemetryInfo without = await RegisteredActions(analyzer, TestReferences.Framework);
        AnalyzerTelemetryInfo with = await RegisteredActions(analyzer, TestReferences.All);

        Assert.Equal(0, without.OperationActionsCount + without.OperationBlockActionsCount + without.SyntaxNodeActionsCount);
        Assert.True(with.OperationActionsCount + with.OperationBlockActionsCount > 0);
    }

    private static async Task<AnalyzerTelemetryInfo> RegisteredActions(DiagnosticAnalyzer analyzer, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create("Registration", [CSharpSyntaxTree.ParseText(Source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers analysis = compilation.WithAnalyzers([analyzer], options);
        Assert.Empty(await analysis.GetAnalyzerDiagnosticsAsync());
        return await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default);
    }
}

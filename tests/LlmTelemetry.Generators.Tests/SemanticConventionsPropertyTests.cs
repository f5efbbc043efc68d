using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>LLMT0019: the usage analyzer reports an <c>LlmTelemetrySemanticConventions</c> value it does not know, once.</summary>
public sealed class SemanticConventionsPropertyTests
{
    [Theory]
    [InlineData("v0.1.0")]
    [InlineData("newest")]
    public async Task An_unknown_value_is_reported_once_with_the_value_as_written(string value)
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze(value);

        Diagnostic diagnostic = Assert.Single(diagnostics, static d => d.Id == "LLMT0019");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity); // the test compilation treats warnings as errors, as users build
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains($"'{value}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("baseline")]
    [InlineData("latest")]
    [InlineData("Both")]
    [InlineData(" latest ")]
    public async Task A_known_value_or_none_is_not_reported(string? value)
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze(value);

        Assert.DoesNotContain(diagnostics, static d => d.Id == "LLMT0019");
        Assert.Empty(diagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Id.StartsWith("LLMT", System.StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_project_without_LlmTelemetry_is_not_reported()
    {
        Compilation compilation = GeneratorHarness.Compilation(Basic.Reference.Assemblies.Net100.References.All, "public class Plain { }");

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new LlmOperationUsageAnalyzer()], new AnalyzerOptions([], BuildProperties.SemanticConventions("nonsense")))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics);
    }

    private static Task<ImmutableArray<Diagnostic>> Analyze(string? value)
    {
        Compilation compilation = GeneratorHarness.Compilation(null, Scenarios.MeaiChat);
        BuildProperties properties = value is null ? new BuildProperties(ImmutableDictionary<string, string>.Empty) : BuildProperties.SemanticConventions(value);
        return compilation
            .WithAnalyzers([new LlmOperationUsageAnalyzer()], new AnalyzerOptions([], properties))
            .GetAnalyzerDiagnosticsAsync();
    }
}

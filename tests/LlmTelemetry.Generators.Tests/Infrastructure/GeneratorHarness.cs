using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>Runs the generator over source text the way the compiler does, and compiles what it produced.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(IEnumerable<MetadataReference>? references, params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"User{i}.cs")),
            references ?? TestReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error, // warnings as errors, as users build
                specificDiagnosticOptions: s_sdkDefaultNoWarn,
                allowUnsafe: true));

    // The .NET SDK passes NoWarn CS1701;CS1702 (reference version unification) to every build.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> s_sdkDefaultNoWarn =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    /// <param name="properties">The build's MSBuild properties, if it sets any the generator reads.</param>
    public static GeneratorDriver CreateDriver(BuildProperties? properties = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new LlmOperationGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            optionsProvider: properties,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(params string[] sources) => Run(TestReferences.All, sources);

    public static GeneratorResult Run(IEnumerable<MetadataReference> references, params string[] sources) => Run(references, null, sources);

    /// <summary>Runs the generator in a build that sets <c>LlmTelemetrySemanticConventions</c> to <paramref name="semanticConventions"/>.</summary>
    public static GeneratorResult RunWithConventions(string semanticConventions, params string[] sources) =>
        Run(TestReferences.All, BuildProperties.SemanticConventions(semanticConventions), sources);

    public static GeneratorResult Run(IEnumerable<MetadataReference> references, BuildProperties? properties, params string[] sources)
    {
        CSharpCompilation input = Compilation(references, sources);
        GeneratorDriver driver = CreateDriver(properties).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        return new GeneratorResult(driver, output, generatorDiagnostics, run);
    }
}

internal sealed record GeneratorResult(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorRunResult Run)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Run.GeneratedSources;

    public string Source(string hintNameSuffix) =>
        Run.GeneratedSources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Compiler errors and warnings of the whole compilation with the generated code in it.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public void AssertCompilesCleanly()
    {
        Assert.Empty(GeneratorDiagnostics);
        ImmutableArray<Diagnostic> diagnostics = CompilationDiagnostics;
        Assert.True(diagnostics.IsEmpty, "The compilation has diagnostics:\n" + string.Join("\n", diagnostics.Take(20)));
    }
}

using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// What LlmTelemetry adds to a build, in process and on one thread, where csc's two-core timings are noisy: the
/// synthetic project compiled and emitted with the SDK's analyzers, as a build does, in the three forms
/// <c>bench/BuildTime/run.sh</c> builds with csc — the generated code as plain sources without LlmTelemetry (the
/// baseline), the generator without LlmTelemetry's analyzers, and as shipped. Each invocation starts from a fresh
/// parse of the sources and a fresh generator driver, as a build without the compiler server's caches does.
/// </summary>
[MemoryDiagnoser]
public class BuildCostBenchmarks
{
    private CSharpCompilation _user = null!;
    private (string Path, string Text)[] _userSources = null!;
    private (string Path, string Text)[] _generatedSources = null!;
    private ImmutableArray<DiagnosticAnalyzer> _sdkAnalyzers;
    private ImmutableArray<DiagnosticAnalyzer> _allAnalyzers;

    [Params("with", "with-flow-logs")]
    public string Project { get; set; } = "with";

    [GlobalSetup]
    public void Setup()
    {
        // One thread throughout: the difference between the forms is then the CPU time LlmTelemetry adds.
        SyntheticProject project = SyntheticProject.Named(Project);
        CSharpCompilation user = SyntheticCompilation.Create(project);
        _user = user.WithOptions(user.Options.WithConcurrentBuild(false)).RemoveAllSyntaxTrees();
        _userSources = project.Sources().ToArray();
        Compilation generated = SyntheticCompilation.WithGeneratedCode(user);
        _generatedSources = generated.SyntaxTrees.Skip(user.SyntaxTrees.Length).Select(static tree => (tree.FilePath, tree.GetText().ToString())).ToArray();
        _sdkAnalyzers = SdkAnalyzers.Load();
        _allAnalyzers = _sdkAnalyzers.AddRange(SyntheticCompilation.Analyzers);
    }

    [Benchmark(Baseline = true, Description = "No LlmTelemetry, generated code as plain sources")]
    public int GeneratedCodeAsSources() => Build(Parse(_userSources.Concat(_generatedSources)), runGenerator: false, _sdkAnalyzers);

    [Benchmark(Description = "The generator, LlmTelemetry's analyzers off")]
    public int AnalyzersOff() => Build(Parse(_userSources), runGenerator: true, _sdkAnalyzers);

    [Benchmark(Description = "As shipped: the generator and LlmTelemetry's analyzers")]
    public int AsShipped() => Build(Parse(_userSources), runGenerator: true, _allAnalyzers);

    // Every form parses what it compiles, as csc does: the generator's output is parsed in all three.
    private CSharpCompilation Parse(System.Collections.Generic.IEnumerable<(string Path, string Text)> sources) =>
        _user.AddSyntaxTrees(sources.Select(static source => SyntheticCompilation.Parse(source.Text, source.Path)));

    // What csc does: run the generators, compile and emit, and run the analyzers over the result.
    private static int Build(CSharpCompilation compilation, bool runGenerator, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Compilation built = compilation;
        if (runGenerator)
        {
            SyntheticCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out built, out _);
        }

        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers withAnalyzers = built.WithAnalyzers(analyzers, options);
        SyntheticCompilation.Emit(withAnalyzers.Compilation);
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics.Length;
    }
}

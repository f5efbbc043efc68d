using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// One build of a synthetic project in one of its <see cref="ProjectForm"/>s, in process and on one thread, as csc
/// does it: parse the sources, run the generator where the form has it, compile and emit the assembly and its PDB (the
/// generated files embedded in it), and run the SDK's analyzers (and, as shipped, LlmTelemetry's) over the result.
/// Every build starts from a fresh parse and a fresh generator driver, as a build without the compiler server's caches
/// does.
/// </summary>
internal sealed class SyntheticBuild
{
    private readonly CSharpCompilation _empty;
    private readonly (string Path, string Text)[] _userSources;
    private readonly (string Path, string Text)[] _generatedSources;
    private readonly ImmutableArray<DiagnosticAnalyzer> _sdkAnalyzers;
    private readonly ImmutableArray<DiagnosticAnalyzer> _allAnalyzers;

    public SyntheticBuild(string project)
    {
        // One thread throughout: the difference between the forms is then the CPU time LlmTelemetry adds.
        SyntheticProject synthetic = SyntheticProject.Named(project);
        CSharpCompilation user = SyntheticCompilation.Create(synthetic);
        _empty = user.WithOptions(user.Options.WithConcurrentBuild(false)).RemoveAllSyntaxTrees();
        _userSources = synthetic.Sources().ToArray();
        Compilation generated = SyntheticCompilation.WithGeneratedCode(user);
        _generatedSources = generated.SyntaxTrees.Skip(user.SyntaxTrees.Length).Select(static tree => (tree.FilePath, tree.GetText().ToString())).ToArray();
        _sdkAnalyzers = SdkAnalyzers.Load();
        _allAnalyzers = _sdkAnalyzers.AddRange(SyntheticCompilation.Analyzers);
    }

    /// <summary>Builds the project in <paramref name="form"/>; returns the number of analyzer diagnostics, so that nothing is optimized away.</summary>
    public int Run(ProjectForm form) => form switch
    {
        // Every form parses what it compiles, as csc does: the generator's output is parsed in all three.
        ProjectForm.GeneratedCodeAsSources => Build(Parse(_userSources.Concat(_generatedSources)), runGenerator: false, _sdkAnalyzers),
        ProjectForm.AnalyzersOff => Build(Parse(_userSources), runGenerator: true, _sdkAnalyzers),
        _ => Build(Parse(_userSources), runGenerator: true, _allAnalyzers),
    };

    private CSharpCompilation Parse(IEnumerable<(string Path, string Text)> sources) =>
        _empty.AddSyntaxTrees(sources.Select(static source => SyntheticCompilation.Parse(source.Text, source.Path)));

    private static int Build(CSharpCompilation compilation, bool runGenerator, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Compilation built = compilation;
        if (runGenerator)
        {
            SyntheticCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out built, out _);
        }

        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        CompilationWithAnalyzers withAnalyzers = built.WithAnalyzers(analyzers, options);
        SyntheticCompilation.Emit(withAnalyzers.Compilation, built.SyntaxTrees.Skip(compilation.SyntaxTrees.Length));
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return diagnostics.Length;
    }
}

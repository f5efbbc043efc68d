using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Parsing;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests.Stress;

/// <summary>
/// The generator and every analyzer over <see cref="PathologicalSources"/>: no exception (AD0001, CS8784, CS8785) and
/// the run ends. A bound on the work done is for the engine to add; nothing here is timed.
/// </summary>
public sealed class StressTests
{
    /// <summary>
    /// Every case of <see cref="PathologicalSources.All"/>. Two once failed (issue 24): long-concatenation-10000 killed
    /// the test host with a stack overflow, and local-function-chain-50 took time exponential in its depth (1.9 s at 16
    /// levels, 11.6 s at 20, still running after 60 s at 50).
    /// </summary>
    public static TheoryData<string> Cases
    {
        get
        {
            var cases = new TheoryData<string>();
            foreach (string name in PathologicalSources.All.Keys)
            {
                cases.Add(name);
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Neither_the_generator_nor_an_analyzer_throws(string name)
    {
        IReadOnlyList<string> failures = await Failures(PathologicalSources.All[name]());

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>
    /// The data-exposure analysis of every body of a case evaluates a bounded number of operations per operation the
    /// case has: work grows with the code, not with the number of paths through it (no timing: counted).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_data_exposure_analysis_does_work_in_proportion_to_the_code(string name)
    {
        Compilation compilation = GeneratorHarness.Compilation(TestReferences.All, PathologicalSources.All[name]());
        var exposure = new DataExposureContext(compilation, DataExposureCatalog.For(compilation), new ImplementationMethods(KnownTypes.For(compilation), compilation.Assembly), optionsProvider: null);
        long operations = 0;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (BaseMethodDeclarationSyntax declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not { } owner || model.GetOperation(declaration) is not { } body)
                {
                    continue;
                }

                operations += body.Descendants().Count();
                DataExposureAnalyzer.Analyze(exposure, owner, body, b => DataExposureContext.GraphOf(b, default)!, default);
            }
        }

        Assert.InRange(exposure.Evaluations, 0, MaxEvaluationsPerOperation * operations);
    }

    // The most any case needs today is 2 (mutual recursion: each method analyzed for itself and as a summary); before the
    // fix, local functions calling the next twice needed 2^depth.
    private const int MaxEvaluationsPerOperation = 10;

    [Fact]
    public async Task Neither_throws_on_any_prefix_of_a_file()
    {
        var failures = new List<string>();
        int prefixes = 0;
        foreach (string prefix in PathologicalSources.PrefixTruncations(PathologicalSources.RealLookingFile, maxCount: 300))
        {
            prefixes++;
            failures.AddRange((await Failures(prefix)).Select(f => $"--- prefix of {prefix.Length} characters ending '{Tail(prefix)}':\n{f}"));
        }

        Assert.True(prefixes >= 150, $"only {prefixes} prefixes were tried");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
    }

    [Fact]
    public void Every_analyzer_of_the_assembly_is_run()
    {
        Assert.Contains(AllAnalyzers(), a => a.GetType().Name == "DataExposureAnalyzer");
        Assert.True(AllAnalyzers().Length >= 4);
    }

    // What went wrong, as text for the assertion message: the generator's exception and diagnostics, then the analyzers'.
    private static async Task<IReadOnlyList<string>> Failures(string source)
    {
        var failures = new List<string>();
        Compilation input = GeneratorHarness.Compilation(TestReferences.All, source);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        failures.AddRange(driver.GetRunResult().Results.Where(static r => r.Exception is not null).Select(static r => "generator: " + r.Exception));
        failures.AddRange(generatorDiagnostics.Where(static d => d.Id is "CS8784" or "CS8785").Select(static d => d.ToString()));

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await output.WithAnalyzers(AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync();
        failures.AddRange(exceptions);
        failures.AddRange(diagnostics.Where(static d => d.Id == "AD0001").Select(static d => d.ToString()));
        return failures;
    }

    // Found by reflection, so that an analyzer added later is stressed too.
    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(LlmOperationGenerator).Assembly.GetTypes()
            .Where(static t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(static t => t.FullName, System.StringComparer.Ordinal)
            .Select(static t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static string Tail(string text) => text.Length <= 30 ? text : text[^30..].Replace("\n", "\\n", System.StringComparison.Ordinal);
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// The data-exposure analyzer's own work, apart from the binding it shares with every other analyzer of a build: the
/// synthetic project's bodies are bound once, and each invocation analyzes all of them as the analyzer does, with a
/// fresh analysis context (so the summaries and caches it builds are paid for every time). The baseline visits every
/// operation of the same bodies, the least an analyzer of operations costs. Small and steady where the build-cost
/// measurements are not: the place to judge a change to the analysis.
/// </summary>
[MemoryDiagnoser]
public class DataExposureAnalysisBenchmarks
{
    private Compilation _compilation = null!;
    private (ISymbol Owner, IOperation Body)[] _bodies = null!;

    [Params("with", "with-flow-logs")]
    public string Project { get; set; } = "with-flow-logs";

    [GlobalSetup]
    public void Setup()
    {
        Compilation generated = SyntheticCompilation.WithGeneratedCode(SyntheticCompilation.Create(SyntheticProject.Named(Project)));

        // The compilation an analyzer is handed shares its semantic models (and so the bound bodies) among analyzers;
        // the analysis binds a helper's body through it, as in a build.
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        _compilation = generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DataExposureAnalyzer()), options).Compilation;
        var bodies = new List<(ISymbol, IOperation)>();
        foreach (SyntaxTree tree in _compilation.SyntaxTrees.Where(static tree => !tree.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)))
        {
            SemanticModel model = _compilation.GetSemanticModel(tree);
            foreach (BaseMethodDeclarationSyntax declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (model.GetOperation(declaration) is { } body && model.GetDeclaredSymbol(declaration) is { } owner)
                {
                    bodies.Add((owner, body));
                }
            }
        }

        _bodies = bodies.ToArray();
        if (Analyze() != 0)
        {
            throw new System.InvalidOperationException("The synthetic project is written to expose nothing; the analysis reports something.");
        }
    }

    [Benchmark(Baseline = true, Description = "Visit every operation of the bodies")]
    public int VisitOperations()
    {
        int count = 0;
        foreach ((_, IOperation body) in _bodies)
        {
            count += Visit(body);
        }

        return count;
    }

    [Benchmark(Description = "The data-exposure analysis of every body")]
    public int Analyze()
    {
        var exposure = new DataExposureContext(
            _compilation, DataExposureCatalog.For(_compilation), new ImplementationMethods(KnownTypes.For(_compilation), _compilation.Assembly), optionsProvider: null);
        int findings = 0;
        foreach ((ISymbol owner, IOperation body) in _bodies)
        {
            findings += DataExposureAnalyzer.Analyze(exposure, owner, body, GraphOf, CancellationToken.None).Length;
        }

        return findings;
    }

    // Every body here is a method's: it has a graph.
    private static ControlFlowGraph GraphOf(IOperation body) => DataExposureContext.GraphOf(body, CancellationToken.None)!;

    private static int Visit(IOperation operation)
    {
        int count = 1;
        foreach (IOperation child in operation.ChildOperations)
        {
            count += Visit(child);
        }

        return count;
    }
}

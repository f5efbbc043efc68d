using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// The in-process counterpart of csc's <c>-p:ReportAnalyzer=true</c>: the time the compiler attributes to each
/// LlmTelemetry analyzer and to the generator over fresh compilations of the synthetic project, next to the time the
/// compiler itself takes to check the same code. A development aid for profiling (quick and repeatable); the figures
/// in bench/README.md come from csc.
/// </summary>
internal static class CostAttribution
{
    public static async Task RunAsync(int rounds, string variant)
    {
        CSharpCompilation user = SyntheticCompilation.Create(SyntheticProject.Named(variant));
        Compilation generatedOnce = SyntheticCompilation.WithGeneratedCode(user);
        var samples = new Dictionary<string, List<double>>();
        void Add(string name, TimeSpan time)
        {
            if (!samples.TryGetValue(name, out List<double>? list))
            {
                samples[name] = list = new List<double>();
            }

            list.Add(time.TotalMilliseconds);
        }

        for (int round = 0; round < rounds; round++)
        {
            Stopwatch compile = Stopwatch.StartNew();
            generatedOnce.Clone().GetDiagnostics();
            Add("compiler (checking every body, generated ones included)", compile.Elapsed);

            GeneratorDriver driver = SyntheticCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(user.Clone(), out Compilation generated, out _);
            Add("LlmOperationGenerator", driver.GetTimingInfo().ElapsedTime);
            GeneratorDriver floor = SyntheticCompilation.CreateDriver(new AttributeLookupFloorGenerator()).RunGenerators(user.Clone());
            Add("AttributeLookupFloorGenerator (alone, on its own compilation)", floor.GetTimingInfo().ElapsedTime);

            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            CompilationWithAnalyzers analysis = generated.WithAnalyzers(SyntheticCompilation.Analyzers, options);
            AnalysisResult result = await analysis.GetAnalysisResultAsync(default);
            foreach (DiagnosticAnalyzer analyzer in SyntheticCompilation.Analyzers)
            {
                Add(analyzer.GetType().Name, result.AnalyzerTelemetryInfo[analyzer].ExecutionTime);
            }
        }

        foreach ((string name, List<double> times) in samples)
        {
            times.Sort();
            Console.WriteLine($"{name,-60} median {times[times.Count / 2],8:F0} ms   (min {times[0]:F0}, max {times[^1]:F0})");
        }
    }
}

using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LlmTelemetry.Benchmarking;
using LlmTelemetry.BuildBenchmarks;

// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- --filter '*'          (the BenchmarkDotNet runs)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- write <dir> <variant>[+analyzers-off|+generated-sources]   (the project run.sh builds with csc)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- build-cost [rounds] [variant] [warm-up rounds] [processes]   (the build-time budget, forms alternated)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- attribute [rounds] [variant]   (in-process times per analyzer)
switch (args)
{
    case ["write", string directory, string variant]:
        // "<variant>+analyzers-off" and "<variant>+generated-sources" write the other forms of a project (ProjectForm).
        string repositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        (string code, ProjectForm form) = variant.Split('+') switch
        {
            [string name] => (name, ProjectForm.AsShipped),
            [string name, "analyzers-off"] => (name, ProjectForm.AnalyzersOff),
            [string name, "generated-sources"] => (name, ProjectForm.GeneratedCodeAsSources),
            _ => throw new ArgumentException($"Unknown form in '{variant}': +analyzers-off or +generated-sources."),
        };
        SyntheticProject.Named(code).WriteTo(directory, repositoryRoot, form);
        return 0;
    case ["build-cost", ..]:
        PairedBuildCost.Run(args.Length > 1 ? int.Parse(args[1]) : 20, args.Length > 2 ? args[2] : "with", args.Length > 3 ? int.Parse(args[3]) : 2, args.Length > 4 ? int.Parse(args[4]) : 1);
        return 0;
    case [PairedBuildCost.RoundsCommand, string rounds, string project, string warmup, string processIndex]:
        // One of build-cost's measuring processes: its rounds on standard output.
        PairedBuildCost.RunRounds(int.Parse(rounds), project, int.Parse(warmup), int.Parse(processIndex));
        return 0;
    case ["attribute", ..]:
        await CostAttribution.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5, args.Length > 2 ? args[2] : "with");
        return 0;
    default:
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(SyntheticProject).Assembly).Run(args).ToArray();
        return BenchmarkOutcome.ExitCode(summaries);
}

using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LlmTelemetry.Benchmarking;
using LlmTelemetry.BuildBenchmarks;

// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- --filter '*'          (the BenchmarkDotNet runs)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- write <dir> <variant>   (the project run.sh builds with csc)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- attribute [rounds] [variant]   (in-process times per analyzer)
switch (args)
{
    case ["write", string directory, string variant]:
        string repositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        SyntheticProject.Named(variant).WriteTo(directory, repositoryRoot);
        return 0;
    case ["attribute", ..]:
        await CostAttribution.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5, args.Length > 2 ? args[2] : "with");
        return 0;
    default:
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(SyntheticProject).Assembly).Run(args).ToArray();
        return BenchmarkOutcome.ExitCode(summaries);
}

using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LlmTelemetry.Benchmarking;
using LlmTelemetry.BuildBenchmarks;

// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- --filter '*'          (the BenchmarkDotNet runs)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- write <dir> on|off    (the project run.sh builds with csc)
// dotnet run -c Release --project bench/LlmTelemetry.BuildBenchmarks -- attribute [rounds]    (in-process per-analyzer times, to profile)
switch (args)
{
    case ["write", string directory, string variant]:
        string repositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        SyntheticProject.Default(withLlmTelemetry: variant == "on").WriteTo(directory, repositoryRoot);
        return 0;
    case ["attribute", ..]:
        await CostAttribution.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5);
        return 0;
    default:
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(SyntheticProject).Assembly).Run(args).ToArray();
        return BenchmarkOutcome.ExitCode(summaries);
}

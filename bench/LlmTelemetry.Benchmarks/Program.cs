using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LlmTelemetry.Benchmarking;

// dotnet run -c Release --project bench/LlmTelemetry.Benchmarks -- --filter '*'            (all)
// dotnet run -c Release --project bench/LlmTelemetry.Benchmarks -- --filter '*ChatCall*'   (one class)
Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
return BenchmarkOutcome.ExitCode(summaries);

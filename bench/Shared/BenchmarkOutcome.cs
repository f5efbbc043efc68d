using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace LlmTelemetry.Benchmarking;

/// <summary>A failed or invalid benchmark fails the process, so a dry run in CI catches a benchmark that rotted.</summary>
internal static class BenchmarkOutcome
{
    public static int ExitCode(IReadOnlyCollection<Summary> summaries)
    {
        string[] failed = summaries
            .SelectMany(static s => s.Reports.Where(static r => !r.Success).Select(static r => r.BenchmarkCase.DisplayInfo)
                .Concat(s.HasCriticalValidationErrors ? new[] { s.Title + " (validation errors)" } : Array.Empty<string>()))
            .ToArray();
        foreach (string name in failed)
        {
            Console.Error.WriteLine($"Benchmark failed: {name}");
        }

        return failed.Length == 0 ? 0 : 1;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// Decides the build-time budget of issue #6 (LlmTelemetry at most 5 % of a build) where BenchmarkDotNet cannot: it
/// runs each case's iterations one after another, and on this machine consecutive cases drift by more than 5 %. Here
/// the three forms of <see cref="SyntheticBuild"/> are built in turn in every round, in an order that rotates from
/// round to round, and each difference is taken within a round, so that drift cancels. Printed: each form's median and,
/// for each difference, its mean with a 95 % interval as a share of the median build as shipped, in process CPU time
/// (the runtime's background threads included) and in wall time.
/// </summary>
internal static class PairedBuildCost
{
    private static readonly ProjectForm[] s_forms = { ProjectForm.GeneratedCodeAsSources, ProjectForm.AnalyzersOff, ProjectForm.AsShipped };

    public static void Run(int rounds, string project, int warmupRounds)
    {
        if (rounds < 2 || warmupRounds < 0)
        {
            throw new ArgumentException($"build-cost needs at least two rounds (an interval needs two differences) and no negative warm-up; got {rounds} and {warmupRounds}.");
        }

        // The build runs on one thread; without background collections the collector's work stays on that thread too,
        // so that wall time is what the build costs. (Set here, not in the project file, whose settings
        // BenchmarkDotNet's processes would inherit.)
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        var build = new SyntheticBuild(project);
        var cpu = s_forms.ToDictionary(static form => form, _ => new List<double>());
        var wall = s_forms.ToDictionary(static form => form, _ => new List<double>());
        Process process = Process.GetCurrentProcess();
        for (int round = -warmupRounds; round < rounds; round++)
        {
            int first = ((round % s_forms.Length) + s_forms.Length) % s_forms.Length;
            for (int i = 0; i < s_forms.Length; i++)
            {
                ProjectForm form = s_forms[(first + i) % s_forms.Length];
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                process.Refresh();
                TimeSpan cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                build.Run(form);
                clock.Stop();
                process.Refresh();
                if (round >= 0)
                {
                    cpu[form].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
                    wall[form].Add(clock.Elapsed.TotalSeconds);
                }
            }

            if (round >= 0)
            {
                Console.Error.WriteLine($"round {round + 1}/{rounds}: " + string.Join(", ", s_forms.Select(form => $"{form} {cpu[form][^1]:F2} s CPU")));
            }
        }

        Console.WriteLine($"{project}, {rounds} rounds after {warmupRounds} of warm-up, one thread ({Environment.ProcessorCount} cores), garbage collector in {GCSettings.LatencyMode} mode:");
        Report("process CPU", cpu);
        Report("wall", wall);
    }

    private static void Report(string measure, Dictionary<ProjectForm, List<double>> times)
    {
        double build = Median(times[ProjectForm.AsShipped]);
        Console.WriteLine($"  {measure}, median: as shipped {build:F3} s; analyzers off {Median(times[ProjectForm.AnalyzersOff]):F3} s; generated code as plain sources {Median(times[ProjectForm.GeneratedCodeAsSources]):F3} s");
        Difference("LlmTelemetry's analyzers", times[ProjectForm.AsShipped], times[ProjectForm.AnalyzersOff], build);
        Difference("LlmOperationGenerator", times[ProjectForm.AnalyzersOff], times[ProjectForm.GeneratedCodeAsSources], build);
        Difference("All of LlmTelemetry", times[ProjectForm.AsShipped], times[ProjectForm.GeneratedCodeAsSources], build);
    }

    private static void Difference(string label, List<double> more, List<double> less, double build)
    {
        double[] values = more.Zip(less, static (a, b) => a - b).ToArray();
        double mean = values.Average();
        double standardDeviation = Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1));
        double half = 1.96 * standardDeviation / Math.Sqrt(values.Length);
        Console.WriteLine($"    {label,-26} mean {mean:+0.000;-0.000} s, {100 * mean / build:+0.0;-0.0} % (95 % interval {100 * (mean - half) / build:+0.0;-0.0} to {100 * (mean + half) / build:+0.0;-0.0} %)");
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.OrderBy(static value => value).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
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
/// <remarks>
/// One process's rounds agree with each other more than separate processes do: a difference can sit a few points apart
/// from one run to the next (the JIT's profile-guided code and the heap's layout differ from process to process), so an
/// interval over one process's rounds is too narrow to decide the budget. With more than one process the rounds are
/// spread over that many fresh processes, and the interval that decides is the one over the processes' means.
/// </remarks>
internal static class PairedBuildCost
{
    private static readonly ProjectForm[] s_forms = { ProjectForm.GeneratedCodeAsSources, ProjectForm.AnalyzersOff, ProjectForm.AsShipped };

    /// <summary>The command a process measuring rounds for another one runs (<see cref="RunRounds"/>).</summary>
    public const string RoundsCommand = "build-cost-rounds";

    public static void Run(int rounds, string project, int warmupRounds, int processes)
    {
        if (rounds < 2 || warmupRounds < 0 || processes < 1 || rounds < processes)
        {
            throw new ArgumentException(
                $"build-cost needs at least two rounds (an interval needs two differences), no negative warm-up, and at least one process and one round per process; got {rounds} rounds, {warmupRounds} of warm-up, {processes} processes.");
        }

        List<Round> measured = processes == 1
            ? Measure(rounds, project, warmupRounds, processIndex: 0)
            : MeasureInProcesses(rounds, project, warmupRounds, processes);
        Console.WriteLine(
            $"{project}, {rounds} rounds{(processes > 1 ? $" in {processes} processes" : "")} after {warmupRounds} of warm-up{(processes > 1 ? " in each" : "")}, one thread ({Environment.ProcessorCount} cores), garbage collector in {GCLatencyMode.Batch} mode:");
        Report("process CPU", measured, static round => round.Cpu, processes);
        Report("wall", measured, static round => round.Wall, processes);
    }

    /// <summary>Measures <paramref name="rounds"/> rounds and prints each for the process that started this one.</summary>
    public static void RunRounds(int rounds, string project, int warmupRounds, int processIndex)
    {
        foreach (Round round in Measure(rounds, project, warmupRounds, processIndex))
        {
            Console.WriteLine(string.Join(" ", round.Wall.Concat(round.Cpu).Select(static seconds => seconds.ToString("R", CultureInfo.InvariantCulture))));
        }
    }

    private static List<Round> Measure(int rounds, string project, int warmupRounds, int processIndex)
    {
        // The build runs on one thread; without background collections the collector's work stays on that thread too,
        // so that wall time is what the build costs. (Set here, not in the project file, whose settings
        // BenchmarkDotNet's processes would inherit.)
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        var build = new SyntheticBuild(project);
        var measured = new List<Round>();
        Process process = Process.GetCurrentProcess();
        for (int round = -warmupRounds; round < rounds; round++)
        {
            // Each process starts the rotation with another form, so that the order evens out over processes too.
            int first = (((round + processIndex) % s_forms.Length) + s_forms.Length) % s_forms.Length;
            double[] wall = new double[s_forms.Length];
            double[] cpu = new double[s_forms.Length];
            for (int i = 0; i < s_forms.Length; i++)
            {
                int form = (first + i) % s_forms.Length;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                process.Refresh();
                TimeSpan cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                build.Run(s_forms[form]);
                clock.Stop();
                process.Refresh();
                cpu[form] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                wall[form] = clock.Elapsed.TotalSeconds;
            }

            if (round >= 0)
            {
                measured.Add(new Round(processIndex, wall, cpu));
                Console.Error.WriteLine($"process {processIndex + 1}, round {round + 1}/{rounds}: "
                    + string.Join(", ", s_forms.Select((form, index) => $"{form} {cpu[index]:F2} s CPU")));
            }
        }

        return measured;
    }

    // Runs the rounds in fresh processes of this program, one after another (never side by side: they would share the cores).
    private static List<Round> MeasureInProcesses(int rounds, string project, int warmupRounds, int processes)
    {
        // Started as 'dotnet <program>.dll' or as the program's own executable (dotnet run).
        string host = Environment.ProcessPath ?? "dotnet";
        bool throughDotnet = System.IO.Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var measured = new List<Round>();
        for (int index = 0; index < processes; index++)
        {
            int share = (rounds / processes) + (index < rounds % processes ? 1 : 0);
            var start = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (throughDotnet)
            {
                start.ArgumentList.Add(typeof(PairedBuildCost).Assembly.Location);
            }

            foreach (string argument in new[] { RoundsCommand, share.ToString(CultureInfo.InvariantCulture), project, warmupRounds.ToString(CultureInfo.InvariantCulture), index.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
            string output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"The measuring process {index + 1} of {processes} exited with {child.ExitCode}.");
            }

            int before = measured.Count;
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                double[] seconds = line.Split(' ').Select(static value => double.Parse(value, CultureInfo.InvariantCulture)).ToArray();
                measured.Add(new Round(index, seconds[..s_forms.Length], seconds[s_forms.Length..]));
            }

            if (measured.Count - before != share)
            {
                throw new InvalidOperationException($"The measuring process {index + 1} reported {measured.Count - before} rounds instead of {share}.");
            }
        }

        return measured;
    }

    private static void Report(string measure, List<Round> rounds, Func<Round, double[]> times, int processes)
    {
        double Median(ProjectForm form) => MedianOf(rounds.Select(round => times(round)[Array.IndexOf(s_forms, form)]));
        double build = Median(ProjectForm.AsShipped);
        Console.WriteLine($"  {measure}, median: as shipped {build:F3} s; analyzers off {Median(ProjectForm.AnalyzersOff):F3} s; generated code as plain sources {Median(ProjectForm.GeneratedCodeAsSources):F3} s");
        Difference("LlmTelemetry's analyzers", ProjectForm.AsShipped, ProjectForm.AnalyzersOff);
        Difference("LlmOperationGenerator", ProjectForm.AnalyzersOff, ProjectForm.GeneratedCodeAsSources);
        Difference("All of LlmTelemetry", ProjectForm.AsShipped, ProjectForm.GeneratedCodeAsSources);

        void Difference(string label, ProjectForm more, ProjectForm less)
        {
            double Of(Round round) => times(round)[Array.IndexOf(s_forms, more)] - times(round)[Array.IndexOf(s_forms, less)];
            (double mean, double half) = MeanAndHalfInterval(rounds.Select(Of).ToArray());
            string line = $"    {label,-26} mean {mean:+0.000;-0.000} s, {Share(mean)} (95 % interval {Share(mean - half)} to {Share(mean + half)} over rounds";
            if (processes > 1)
            {
                double[] perProcess = rounds.GroupBy(static round => round.Process).Select(group => group.Average(Of)).ToArray();
                (double processMean, double processHalf) = MeanAndHalfInterval(perProcess);
                line += $", {Share(processMean - processHalf)} to {Share(processMean + processHalf)} over processes; process means {string.Join(", ", perProcess.Select(Share))}";
            }

            Console.WriteLine(line + ")");
        }

        // Rounded first: a share that rounds to zero prints as 0.0, not with the sign of what was cut off.
        string Share(double seconds) => Math.Round(100 * seconds / build, 1).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";
    }

    private static (double Mean, double HalfInterval) MeanAndHalfInterval(double[] values)
    {
        double mean = values.Average();
        double standardDeviation = Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1));
        return (mean, StudentT.Quantile95(values.Length - 1) * standardDeviation / Math.Sqrt(values.Length));
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(static value => value).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One round: each form's wall and CPU seconds, in the order of <see cref="s_forms"/>.</summary>
    private sealed record Round(int Process, double[] Wall, double[] Cpu);
}

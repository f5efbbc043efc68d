using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Scan;

/// <summary>
/// The parent's work: find the projects under the folder, analyse each in a child process (<see cref="ChildProcess"/>),
/// print each as it ends and the totals at the end, and write the Markdown report.
/// </summary>
internal static class FolderScan
{
    public static int Run(ScanArguments arguments)
    {
        IReadOnlyList<ScanProject> projects = ProjectDiscovery.Find(arguments.Folder);
        string analyzersPath = arguments.AnalyzersPath ?? AnalyzerAssembly.DefaultPath;
        Console.WriteLine($"{projects.Count} projects, {projects.Sum(static p => p.Sources.Count)} .cs files under {arguments.Folder}");
        Console.WriteLine($"analyzers: {analyzersPath}");
        Console.WriteLine($"ASP.NET Core reference pack (web projects): {ReferenceSet.AspNetCorePack ?? "none found; ASP.NET Core types will not bind"}");

        var clock = Stopwatch.StartNew();
        var results = new ProjectResult[projects.Count];
        int done = 0;
        var consoleLock = new object();
        Parallel.ForEachAsync(
            Enumerable.Range(0, projects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = arguments.Jobs },
            async (i, _) =>
            {
                results[i] = await ChildProcess.RunAsync(arguments, projects[i]);
                lock (consoleLock)
                {
                    ConsoleReport.Project(Interlocked.Increment(ref done), projects.Count, results[i]);
                }
            }).GetAwaiter().GetResult();

        var scan = new ScanSummary(arguments.Folder, analyzersPath, results, clock.Elapsed);
        ConsoleReport.Totals(scan);
        if (arguments.Out is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(arguments.Out)!);
            File.WriteAllText(arguments.Out, MarkdownReport.Write(scan));
            File.WriteAllText(Path.ChangeExtension(arguments.Out, ".json"), System.Text.Json.JsonSerializer.Serialize(results, ResultJson.Options));
            Console.WriteLine($"report: {arguments.Out} (and {Path.ChangeExtension(arguments.Out, ".json")})");
        }

        // A crash, a hang or a project the tool could not read is what the report is for, not a failure of the scan.
        return 0;
    }
}

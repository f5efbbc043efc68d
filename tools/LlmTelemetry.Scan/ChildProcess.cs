using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace LlmTelemetry.Scan;

/// <summary>
/// The parent's side: analyses one project in a child process of this program and reads its result; a child that
/// dies or does not stop is turned into a result that says so, with the project's name and what the child printed.
/// </summary>
internal static class ChildProcess
{
    /// <summary>How long past its own timeout a child gets to stop after cancelling before it is killed.</summary>
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(30);

    private const int MaxErrorLines = 80;

    public static async Task<ProjectResult> RunAsync(ScanArguments arguments, ScanProject project)
    {
        string resultFile = Path.Combine(Path.GetTempPath(), $"llmt-scan-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        ProcessStartInfo start = StartInfo(arguments, project, resultFile);
        var error = new BoundedLines(MaxErrorLines);
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => error.Add(e.Data);
        process.OutputDataReceived += (_, e) => error.Add(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        bool exited = await WaitAsync(process, TimeSpan.FromSeconds(arguments.TimeoutSeconds) + s_grace);
        try
        {
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return Failed(project, ProjectOutcome.Hung, clock, $"did not stop {s_grace.TotalSeconds:0} s after its {arguments.TimeoutSeconds} s timeout; killed",
                    new Crash("Hang", project.Name, "Hang", $"killed after {clock.Elapsed.TotalSeconds:0} s", error.Text, null));
            }

            process.WaitForExit(); // the output handlers have run to the end
            if (process.ExitCode == 0 && File.Exists(resultFile))
            {
                ProjectResult result = JsonSerializer.Deserialize<ProjectResult>(await File.ReadAllTextAsync(resultFile), ResultJson.Options)!;
                return result;
            }

            string cause = CauseOf(process.ExitCode, error.Text);
            return Failed(project, ProjectOutcome.ProcessDied, clock, $"exit code {process.ExitCode} ({cause})",
                new Crash("ProcessDeath", project.Name, cause, $"exit code {process.ExitCode}", error.Text, null));
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    private static ProcessStartInfo StartInfo(ScanArguments arguments, ScanProject project, string resultFile)
    {
        // Under `dotnet run` this process is the apphost; started as `dotnet LlmTelemetry.Scan.dll` it is dotnet itself.
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (string argument in ChildArguments(arguments, project, resultFile))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static IEnumerable<string> ChildArguments(ScanArguments arguments, ScanProject project, string resultFile)
    {
        yield return arguments.Folder;
        yield return "--one";
        yield return project.Path;
        yield return "--result";
        yield return resultFile;
        yield return "--timeout";
        yield return arguments.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (arguments.AnalyzersPath is not null)
        {
            yield return "--analyzers";
            yield return arguments.AnalyzersPath;
        }

        if (arguments.OnlyAnalyzers.Count > 0)
        {
            yield return "--only";
            yield return string.Join(',', arguments.OnlyAnalyzers);
        }
    }

    private static async Task<bool> WaitAsync(Process process, TimeSpan limit)
    {
        Task exit = process.WaitForExitAsync();
        return await Task.WhenAny(exit, Task.Delay(limit)) == exit;
    }

    // What the runtime prints as it dies says more than the exit code (134 is SIGABRT for both a stack overflow and an unhandled exception).
    private static string CauseOf(int exitCode, string error)
    {
        if (error.Contains("Stack overflow", StringComparison.Ordinal))
        {
            return "StackOverflow";
        }

        if (error.Contains("Unhandled exception", StringComparison.Ordinal))
        {
            string line = error.Split('\n').FirstOrDefault(static l => l.Contains("Exception:", StringComparison.Ordinal)) ?? "unhandled exception";
            return "Unhandled " + line.Trim().Split(':')[0].Replace("Unhandled exception. ", "", StringComparison.Ordinal);
        }

        return exitCode switch
        {
            137 => "SIGKILL (out of memory?)",
            134 => "SIGABRT",
            139 => "SIGSEGV",
            _ => "no result written",
        };
    }

    private static ProjectResult Failed(ScanProject project, ProjectOutcome outcome, Stopwatch clock, string detail, Crash crash) => new()
    {
        Name = project.Name,
        Outcome = outcome,
        OutcomeDetail = detail,
        Files = project.Sources.Count,
        Seconds = clock.Elapsed.TotalSeconds,
        Crashes = [crash],
    };

    /// <summary>The first lines a child prints, and how many more there were: a stack overflow prints thousands of frames.</summary>
    private sealed class BoundedLines(int max)
    {
        private readonly StringBuilder _text = new();
        private int _lines;

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_text)
            {
                if (++_lines <= max)
                {
                    _text.Append(line).Append('\n');
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _lines > max ? _text + $"… ({_lines - max} more lines)\n" : _text.ToString();
                }
            }
        }
    }
}

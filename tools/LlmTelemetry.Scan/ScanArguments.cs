using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace LlmTelemetry.Scan;

/// <summary>The command line, for both modes: the scan of a folder, and the hidden one-project mode of a child.</summary>
internal sealed record ScanArguments
{
    public const string Usage =
        """
        usage: LlmTelemetry.Scan <folder> [--out report.md] [--analyzers LlmTelemetry.Generators.dll]
                                 [--timeout seconds] [--jobs n] [--only Analyzer[,Analyzer…]]

          <folder>      sources to scan: every *.csproj under it is one compilation (the .cs files under its folder,
                        less bin/, obj/ and nested projects); .cs files that no project owns make one per folder
          --out         also write a Markdown report listing every finding and crash
          --analyzers   the generator and analyzer assembly to run (default: the one built beside this tool)
          --timeout     seconds a project may take before it is cancelled (default 120); a project that has not
                        stopped 30 s later is killed and reported as a hang
          --jobs        projects analysed at once, each in its own process (default 1)
          --only        run only the named analyzers (type names), e.g. to find which one hangs
        """;

    public required string Folder { get; init; }

    public string? Out { get; init; }

    public string? AnalyzersPath { get; init; }

    public int TimeoutSeconds { get; init; } = 120;

    public int Jobs { get; init; } = 1;

    public IReadOnlyList<string> OnlyAnalyzers { get; init; } = [];

    /// <summary>Child mode: the project file (or folder of loose sources) to analyse.</summary>
    public string? OneProject { get; init; }

    /// <summary>Child mode: where to write the project's result as JSON.</summary>
    public string? ResultFile { get; init; }

    public static ScanArguments? Parse(string[] args, out string? error)
    {
        error = null;
        string? folder = null, output = null, analyzers = null, one = null, result = null;
        int timeout = 120, jobs = 1;
        var only = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (folder is not null)
                {
                    error = $"One folder only; '{folder}' and '{arg}' were given.";
                    return null;
                }

                folder = arg;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{arg} needs a value.";
                return null;
            }

            string value = args[++i];
            switch (arg)
            {
                case "--out": output = value; break;
                case "--analyzers": analyzers = value; break;
                case "--one": one = value; break;
                case "--result": result = value; break;
                case "--only": only.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int t) && t > 0: timeout = t; break;
                case "--jobs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int j) && j > 0: jobs = j; break;
                default:
                    error = $"Unknown option or bad value: {arg} {value}";
                    return null;
            }
        }

        if (folder is null)
        {
            error = "No folder to scan was given.";
            return null;
        }

        if (!Directory.Exists(folder))
        {
            error = $"'{folder}' is not a folder.";
            return null;
        }

        if (analyzers is not null && !File.Exists(analyzers))
        {
            error = $"No analyzer assembly at '{analyzers}'.";
            return null;
        }

        if (one is not null && result is null)
        {
            error = "--one needs --result.";
            return null;
        }

        return new ScanArguments
        {
            Folder = Path.GetFullPath(folder),
            Out = output is null ? null : Path.GetFullPath(output),
            AnalyzersPath = analyzers is null ? null : Path.GetFullPath(analyzers),
            TimeoutSeconds = timeout,
            Jobs = jobs,
            OnlyAnalyzers = only,
            OneProject = one is null ? null : Path.GetFullPath(one),
            ResultFile = result is null ? null : Path.GetFullPath(result),
        };
    }
}

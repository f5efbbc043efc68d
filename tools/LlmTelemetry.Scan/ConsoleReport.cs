using System;
using System.Globalization;
using System.Linq;

namespace LlmTelemetry.Scan;

/// <summary>What the scan prints: a line (and its crashes) per project as it ends, and the totals.</summary>
internal static class ConsoleReport
{
    public static void Project(int index, int count, ProjectResult result)
    {
        string findings = string.Join(" ", result.Findings.GroupBy(static f => f.Id).OrderBy(static g => g.Key, StringComparer.Ordinal).Select(static g => $"{g.Key}×{g.Count()}"));
        string slowest = string.Join(" ", result.Times.OrderByDescending(static t => t.Value).Take(2).Select(static t => $"{t.Key} {Seconds(t.Value)}"));
        Console.WriteLine(Invariant($"[{index}/{count}] {result.Name}: {result.Outcome}{(result.OutcomeDetail is null ? "" : " (" + result.OutcomeDetail + ")")}, {result.Files} files, {Seconds(result.Seconds)} (parse {Seconds(result.ParseSeconds)}; {slowest}), {result.CompilerErrors} compiler errors{(findings.Length == 0 ? "" : "; " + findings)}"));
        foreach (Crash crash in result.Crashes)
        {
            Console.WriteLine($"    CRASH {crash.Kind} in {crash.Source}: {crash.ExceptionType}: {crash.Message}");
            foreach (string line in crash.Text.Split('\n').Take(12))
            {
                Console.WriteLine("      " + line.TrimEnd());
            }

            if (crash.Context is not null)
            {
                Console.WriteLine("      context: " + crash.Context.Replace('\n', ' '));
            }
        }
    }

    public static void Totals(ScanSummary scan)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"== {scan.Projects.Count} projects, {scan.Files} files, {scan.Elapsed.TotalSeconds:0} s"));
        foreach (ProjectOutcome outcome in Enum.GetValues<ProjectOutcome>())
        {
            Console.WriteLine($"   {outcome}: {scan.Count(outcome)}");
        }

        Console.WriteLine("== time per generator and analyzer (summed over projects)");
        foreach ((string name, double seconds) in scan.Times)
        {
            Console.WriteLine($"   {name}: {Seconds(seconds)}");
        }

        Console.WriteLine("== findings per ID");
        foreach ((string id, int count) in scan.FindingsById)
        {
            Console.WriteLine($"   {id}: {count}");
        }

        Console.WriteLine("== crashes (grouped by kind, exception and top frames)");
        foreach (CrashGroup group in scan.CrashGroups)
        {
            Console.WriteLine($"   {group.Count}× {group.Signature}");
            Console.WriteLine($"      in {string.Join(", ", group.Projects.Take(5))}{(group.Projects.Count > 5 ? $" and {group.Projects.Count - 5} more" : "")}");
        }

        if (scan.CrashGroups.Count == 0)
        {
            Console.WriteLine("   none");
        }
    }

    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LlmTelemetry.Scan;

/// <summary>
/// The <c>--out</c> report: totals, every distinct crash with its full text once, a row per project, and every
/// finding (ID, file:line, message) with an empty verdict column for the person who judges it.
/// </summary>
internal static class MarkdownReport
{
    public static string Write(ScanSummary scan)
    {
        var md = new StringBuilder();
        Line(md, $"# LlmTelemetry scan of `{scan.Folder}`");
        md.AppendLine();
        Line(md, $"- analyzers: `{scan.AnalyzersPath}`");
        Line(md, $"- {scan.Projects.Count} projects, {scan.Files} .cs files, {scan.Elapsed.TotalSeconds:0} s");
        Line(md, $"- outcomes: {string.Join(", ", Enum.GetValues<ProjectOutcome>().Select(o => $"{o} {scan.Count(o)}"))}");
        Line(md, $"- findings: {(scan.FindingsById.Count == 0 ? "none" : string.Join(", ", scan.FindingsById.Select(static f => $"{f.Id} {f.Count}")))}");
        Line(md, $"- crashes: {scan.Projects.Sum(static p => p.Crashes.Count)} in {scan.CrashGroups.Count} distinct signatures");
        md.AppendLine();

        md.AppendLine("## Time per generator and analyzer (summed over projects)").AppendLine();
        md.AppendLine("| generator / analyzer | seconds |").AppendLine("|---|---:|");
        foreach ((string name, double seconds) in scan.Times)
        {
            Line(md, $"| {name} | {seconds:0.00} |");
        }

        md.AppendLine().AppendLine("## Crashes, hangs and process deaths").AppendLine();
        if (scan.CrashGroups.Count == 0)
        {
            md.AppendLine("None.");
        }

        foreach (CrashGroup group in scan.CrashGroups)
        {
            Line(md, $"### {group.Count}× {Escape(group.Example.Kind)} {Escape(group.Example.ExceptionType)} in {Escape(group.Example.Source)}");
            md.AppendLine();
            Line(md, $"Signature: `{group.Signature}`");
            md.AppendLine();
            Line(md, $"Projects: {string.Join(", ", group.Projects.Select(static p => $"`{p}`"))}");
            md.AppendLine();
            if (group.Example.Context is not null)
            {
                md.AppendLine("Context of the first one:").AppendLine().AppendLine("```").AppendLine(group.Example.Context.TrimEnd()).AppendLine("```").AppendLine();
            }

            md.AppendLine("```").AppendLine(group.Example.Text.TrimEnd()).AppendLine("```").AppendLine();
        }

        md.AppendLine().AppendLine("## Projects").AppendLine();
        md.AppendLine("| project | outcome | files | test | web | kind | compiler errors | seconds | slowest | findings | crashes |");
        md.AppendLine("|---|---|---:|---|---|---|---:|---:|---|---|---:|");
        foreach (ProjectResult p in scan.Projects)
        {
            string slowest = p.Times.Count == 0 ? "" : p.Times.MaxBy(static t => t.Value) is var s ? $"{s.Key} {s.Value:0.00}" : "";
            string findings = string.Join(" ", p.Findings.GroupBy(static f => f.Id).OrderBy(static g => g.Key, StringComparer.Ordinal).Select(static g => $"{g.Key}×{g.Count()}"));
            Line(md, $"| `{p.Name}` | {p.Outcome}{(p.OutcomeDetail is null ? "" : ": " + Escape(p.OutcomeDetail))} | {p.Files} | {(p.IsTestProject ? "test" : "")} | {(p.IsWeb ? "web" : "")} | {p.OutputKind} | {p.CompilerErrors} | {p.Seconds:0.0} | {slowest} | {findings} | {p.Crashes.Count} |");
        }

        md.AppendLine().AppendLine("## Findings").AppendLine();
        foreach (ProjectResult p in scan.Projects.Where(static p => p.Findings.Count > 0))
        {
            Line(md, $"### `{p.Name}`{(p.IsTestProject ? " (test project)" : "")}{(p.IsWeb ? " (web)" : "")}");
            md.AppendLine();
            md.AppendLine("| ID | severity | location | message | verdict |").AppendLine("|---|---|---|---|---|");
            foreach (Finding f in p.Findings)
            {
                Line(md, $"| {f.Id} | {f.Severity} | `{f.File}:{f.Line}` | {Escape(f.Message)} | |");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

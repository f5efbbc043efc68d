using System;
using System.Collections.Generic;
using System.Linq;

namespace LlmTelemetry.Scan;

/// <summary>A whole scan's results and the totals both reports print.</summary>
internal sealed class ScanSummary(string folder, string analyzersPath, IReadOnlyList<ProjectResult> projects, TimeSpan elapsed)
{
    public string Folder { get; } = folder;

    public string AnalyzersPath { get; } = analyzersPath;

    public IReadOnlyList<ProjectResult> Projects { get; } = projects;

    public TimeSpan Elapsed { get; } = elapsed;

    public int Files => Projects.Sum(static p => p.Files);

    /// <summary>Findings per diagnostic ID, by ID.</summary>
    public IReadOnlyList<(string Id, int Count)> FindingsById =>
        Projects.SelectMany(static p => p.Findings).GroupBy(static f => f.Id).OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => (g.Key, g.Count())).ToList();

    /// <summary>Seconds per generator and analyzer, summed over the projects, most first.</summary>
    public IReadOnlyList<(string Name, double Seconds)> Times =>
        Projects.SelectMany(static p => p.Times).GroupBy(static t => t.Key)
            .Select(static g => (g.Key, g.Sum(static t => t.Value))).OrderByDescending(static t => t.Item2).ToList();

    /// <summary>Crashes grouped by <see cref="CrashSignature"/>, most frequent first, each with the projects it hit.</summary>
    public IReadOnlyList<CrashGroup> CrashGroups =>
        Projects.SelectMany(static p => p.Crashes.Select(c => (Project: p.Name, Crash: c)))
            .GroupBy(static pc => CrashSignature.Of(pc.Crash))
            .Select(static g => new CrashGroup(g.Key, g.First().Crash, g.Count(), g.Select(static pc => pc.Project).Distinct().ToList()))
            .OrderByDescending(static g => g.Count).ToList();

    public int Count(ProjectOutcome outcome) => Projects.Count(p => p.Outcome == outcome);
}

/// <param name="Example">The first crash of the group, with its full text.</param>
internal sealed record CrashGroup(string Signature, Crash Example, int Count, IReadOnlyList<string> Projects);

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LlmTelemetry.Scan;

/// <summary>
/// Finds the compilations under a folder the way the SDK's default globs would: a project owns the .cs files under
/// its folder, less bin/, obj/ and the folders of projects nested in it; .cs files no project owns make one
/// compilation per folder. <c>Compile Include/Remove</c> items are not read.
/// </summary>
internal static class ProjectDiscovery
{
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "packages" };

    public static IReadOnlyList<ScanProject> Find(string root)
    {
        var owned = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var loose = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(root, owner: null, owned, loose);

        var projects = new List<ScanProject>();
        foreach ((string directory, List<string> sources) in owned)
        {
            foreach (string projectFile in ProjectFilesIn(directory))
            {
                projects.Add(new ScanProject(projectFile, Relative(root, projectFile), sources));
            }
        }

        projects.AddRange(loose.Select(entry => new ScanProject(entry.Key, Relative(root, entry.Key) + "/ (no project)", entry.Value)));
        return projects.OrderBy(static p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The sources of one project (or of one folder of loose sources), as <see cref="Find"/> gives them.</summary>
    public static ScanProject One(string root, string path)
    {
        if (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            string directory = Path.GetDirectoryName(path)!;
            var owned = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Walk(directory, owner: null, owned, new SortedDictionary<string, List<string>>(StringComparer.Ordinal));
            return new ScanProject(path, Relative(root, path), owned.TryGetValue(directory, out List<string>? sources) ? sources : []);
        }

        List<string> files = Directory.EnumerateFiles(path, "*.cs").Order(StringComparer.Ordinal).ToList();
        return new ScanProject(path, Relative(root, path) + "/ (no project)", files);
    }

    private static void Walk(string directory, string? owner, Dictionary<string, List<string>> owned, SortedDictionary<string, List<string>> loose)
    {
        if (ProjectFilesIn(directory).Any())
        {
            owner = directory;
            owned.TryAdd(directory, []);
        }

        List<string> sources = SafeEnumerate(() => Directory.EnumerateFiles(directory, "*.cs")).Order(StringComparer.Ordinal).ToList();
        if (sources.Count > 0)
        {
            if (owner is not null)
            {
                owned[owner].AddRange(sources);
            }
            else
            {
                loose.Add(directory, sources);
            }
        }

        foreach (string child in SafeEnumerate(() => Directory.EnumerateDirectories(directory)).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(child);
            if (!s_skipped.Contains(name) && !name.StartsWith('.') && !new FileInfo(child).Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                Walk(child, owner, owned, loose);
            }
        }
    }

    private static IEnumerable<string> ProjectFilesIn(string directory) =>
        SafeEnumerate(() => Directory.EnumerateFiles(directory, "*.csproj")).Order(StringComparer.Ordinal);

    private static List<string> SafeEnumerate(Func<IEnumerable<string>> enumerate)
    {
        try
        {
            return enumerate().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}

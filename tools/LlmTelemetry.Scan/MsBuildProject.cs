using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LlmTelemetry.Scan;

/// <summary>
/// What a project file says, read as XML without MSBuild: properties and items of the project and of the
/// Directory.Build.props/.targets above it (outermost first, the project last), without any element that has a
/// <c>Condition</c>, and <c>$(Name)</c> expanded from the properties read so far. Cheap, and right for the properties
/// that decide how sources compile (ImplicitUsings, Nullable, DefineConstants, OutputType, the SDK).
/// </summary>
internal sealed partial class MsBuildProject
{
    private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);

    private MsBuildProject(string? path)
    {
        Path = path;
    }

    public string? Path { get; }

    public string Sdk { get; private set; } = "Microsoft.NET.Sdk";

    public IReadOnlyDictionary<string, string> Properties => _properties;

    public List<string> PackageReferences { get; } = [];

    public List<string> FrameworkReferences { get; } = [];

    /// <summary>Full paths of the referenced project files.</summary>
    public List<string> ProjectReferences { get; } = [];

    /// <summary><c>Using</c> items: namespace, alias (or null), whether static; and the namespaces removed.</summary>
    public List<(string Namespace, string? Alias, bool Static)> Usings { get; } = [];

    public HashSet<string> RemovedUsings { get; } = new(StringComparer.Ordinal);

    /// <summary>Files that could not be read, with why.</summary>
    public List<string> Problems { get; } = [];

    public string? Property(string name) => _properties.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

    public bool IsTrue(string name) => string.Equals(Property(name), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Property(name), "enable", StringComparison.OrdinalIgnoreCase);

    public bool IsWeb => Sdk.Contains(".Web", StringComparison.OrdinalIgnoreCase)
        || Sdk.Contains("Razor", StringComparison.OrdinalIgnoreCase)
        || Sdk.Contains("BlazorWebAssembly", StringComparison.OrdinalIgnoreCase)
        || FrameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase);

    public bool IsWorker => Sdk.Contains(".Worker", StringComparison.OrdinalIgnoreCase);

    /// <summary>IsTestProject, or a reference to the test SDK or a test framework.</summary>
    public bool IsTestProject => IsTrue("IsTestProject")
        || PackageReferences.Any(static p => p.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) || p.StartsWith("NUnit", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("MSTest", StringComparison.OrdinalIgnoreCase) || p.StartsWith("TUnit", StringComparison.OrdinalIgnoreCase));

    /// <summary>A folder of loose sources: the SDK's defaults and nothing else.</summary>
    public static MsBuildProject None { get; } = new(null);

    public static MsBuildProject Read(string projectFile)
    {
        var project = new MsBuildProject(projectFile);
        string directory = System.IO.Path.GetDirectoryName(projectFile)!;
        project.SetDefaults(projectFile);
        foreach (string file in BuildFilesAbove(directory, "Directory.Build.props"))
        {
            project.Load(file);
        }

        project.Load(projectFile);
        foreach (string file in BuildFilesAbove(directory, "Directory.Build.targets"))
        {
            project.Load(file);
        }

        return project;
    }

    private void SetDefaults(string projectFile)
    {
        string directory = System.IO.Path.GetDirectoryName(projectFile)!;
        _properties["MSBuildProjectName"] = System.IO.Path.GetFileNameWithoutExtension(projectFile);
        _properties["MSBuildProjectDirectory"] = directory;
        _properties["MSBuildThisFileDirectory"] = directory + System.IO.Path.DirectorySeparatorChar;
        _properties["ProjectDir"] = directory + System.IO.Path.DirectorySeparatorChar;
        _properties["TargetFramework"] = "net10.0";
        _properties["Configuration"] = "Release";
    }

    // Directory.Build.* files from the outermost folder inward, as each one's usual GetPathOfFileAbove import chains them.
    private static IEnumerable<string> BuildFilesAbove(string directory, string name)
    {
        var found = new List<string>();
        for (DirectoryInfo? d = new(directory); d is not null; d = d.Parent)
        {
            string candidate = System.IO.Path.Combine(d.FullName, name);
            if (File.Exists(candidate))
            {
                found.Add(candidate);
            }
        }

        found.Reverse();
        return found;
    }

    private void Load(string file)
    {
        XElement root;
        try
        {
            root = XDocument.Load(file).Root ?? throw new InvalidDataException("empty document");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException or InvalidDataException)
        {
            Problems.Add($"{file}: {e.Message}");
            return;
        }

        string directory = System.IO.Path.GetDirectoryName(file)!;
        if (file.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
        {
            Sdk = Attribute(root, "Sdk") ?? root.Elements().Where(static e => e.Name.LocalName == "Sdk").Select(static e => Attribute(e, "Name")).FirstOrDefault(static n => n is not null) ?? Sdk;
        }

        foreach (XElement group in root.Elements().Where(static e => Attribute(e, "Condition") is null))
        {
            if (group.Name.LocalName == "PropertyGroup")
            {
                foreach (XElement property in group.Elements().Where(static e => Attribute(e, "Condition") is null))
                {
                    _properties[property.Name.LocalName] = Expand(property.Value.Trim());
                }
            }
            else if (group.Name.LocalName == "ItemGroup")
            {
                foreach (XElement item in group.Elements().Where(static e => Attribute(e, "Condition") is null))
                {
                    AddItem(item, directory);
                }
            }
        }
    }

    private void AddItem(XElement item, string directory)
    {
        string? include = Attribute(item, "Include") is string i ? Expand(i) : null;
        switch (item.Name.LocalName)
        {
            case "PackageReference" when include is not null:
                PackageReferences.Add(include);
                break;
            case "FrameworkReference" when include is not null:
                FrameworkReferences.Add(include);
                break;
            case "ProjectReference" when include is not null:
                foreach (string reference in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    ProjectReferences.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, reference.Replace('\\', '/'))));
                }

                break;
            case "Using" when include is not null:
                Usings.Add((include, Attribute(item, "Alias"), string.Equals(Attribute(item, "Static"), "true", StringComparison.OrdinalIgnoreCase)));
                break;
            case "Using" when Attribute(item, "Remove") is string removed:
                RemovedUsings.Add(removed);
                break;
        }
    }

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value;

    private string Expand(string value) =>
        value.Contains("$(", StringComparison.Ordinal)
            ? PropertyReference().Replace(value, m => _properties.TryGetValue(m.Groups[1].Value, out string? v) ? v : "")
            : value;

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex PropertyReference();
}

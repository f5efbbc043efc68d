using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Scan;

/// <summary>
/// What a scanned project is compiled against, all from this machine: the .NET 10 reference assemblies
/// (Basic.Reference.Assemblies, as the tests use), the libraries copied beside this tool (LlmTelemetry's runtime,
/// Microsoft.Extensions.AI, OpenAI, Semantic Kernel, OllamaSharp, hosting, logging, OpenTelemetry; Agent Framework only
/// for a project that asks for it),
/// and for a web project the ASP.NET Core reference pack of the installed SDK when there is one. No package a project
/// asks for is restored: what this set lacks does not bind.
/// </summary>
internal static class ReferenceSet
{
    private static readonly string[] s_notForScannedCode = ["Microsoft.CodeAnalysis", "Basic.Reference.Assemblies", "LlmTelemetry.Generators", "LlmTelemetry.Scan"];

    // Referenced only by a project that asks for it: Microsoft.Agents.AI defines a second public
    // Microsoft.Extensions.AI.ChatClientExtensions, which changes how every project's M.E.AI calls resolve.
    private const string AgentFramework = "Microsoft.Agents.AI";

    // Likewise the generic host: a project that references it is a service to the analyzers (its console is a log, see
    // LLMT1002's policy), so an interactive console app must not be handed it.
    private const string GenericHost = "Microsoft.Extensions.Hosting";

    private static readonly ConcurrentDictionary<(bool Web, bool AgentFramework, bool GenericHost), ImmutableArray<MetadataReference>> s_sets = new();

    /// <param name="web">Add the ASP.NET Core reference pack.</param>
    /// <param name="agentFramework">Add Microsoft Agent Framework (the project or one it references asks for a Microsoft.Agents.AI* package).</param>
    /// <param name="genericHost">Add the generic host (Microsoft.Extensions.Hosting itself; its abstractions are always there).</param>
    public static ImmutableArray<MetadataReference> For(bool web, bool agentFramework, bool genericHost) =>
        s_sets.GetOrAdd((web, agentFramework, genericHost), static key => Build(key.Web, key.AgentFramework, key.GenericHost));

    public static bool AsksForAgentFramework(MsBuildProject project) =>
        project.PackageReferences.Any(static p => p.StartsWith(AgentFramework, StringComparison.OrdinalIgnoreCase));

    /// <summary>A worker project, or one that asks for the generic host, an Aspire integration or Azure Functions.</summary>
    public static bool AsksForGenericHost(MsBuildProject project) =>
        project.Sdk.Contains("Worker", StringComparison.OrdinalIgnoreCase)
        || project.PackageReferences.Any(static p =>
            p.Equals(GenericHost, StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Aspire.", StringComparison.OrdinalIgnoreCase)
            || p.StartsWith("Microsoft.Azure.Functions", StringComparison.OrdinalIgnoreCase));

    /// <summary>The ASP.NET Core reference pack's folder, or null when the SDK has none.</summary>
    public static string? AspNetCorePack { get; } = FindAspNetCorePack();

    private static ImmutableArray<MetadataReference> Build(bool aspNetCore, bool agentFramework, bool genericHost)
    {
        var framework = Net100.ReferenceInfos.All.Select(static r => Path.GetFileNameWithoutExtension(r.FileName)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // One file per simple name, the highest version: the pack and the libraries share Microsoft.Extensions.*.
        var chosen = new Dictionary<string, (Version Version, string Path)>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> candidates = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        if (aspNetCore && AspNetCorePack is not null)
        {
            candidates = candidates.Concat(Directory.EnumerateFiles(AspNetCorePack, "*.dll"));
        }

        foreach (string path in candidates)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (framework.Contains(name) || s_notForScannedCode.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                || (!agentFramework && name.StartsWith(AgentFramework, StringComparison.OrdinalIgnoreCase))
                || (!genericHost && !aspNetCore && name.Equals(GenericHost, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            Version? version = VersionOf(path);
            if (version is not null && (!chosen.TryGetValue(name, out var existing) || version > existing.Version))
            {
                chosen[name] = (version, path);
            }
        }

        return Net100.References.All.Cast<MetadataReference>()
            .Concat(chosen.Values.OrderBy(static c => c.Path, StringComparer.Ordinal).Select(static c => MetadataReference.CreateFromFile(c.Path)))
            .ToImmutableArray();
    }

    // Null for a file that is not a managed assembly (a native library beside the tool).
    private static Version? VersionOf(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            return null;
        }
    }

    // <dotnet root>/packs/Microsoft.AspNetCore.App.Ref/<newest 10.x>/ref/net10.0
    private static string? FindAspNetCorePack()
    {
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string pack = Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref");
        if (!Directory.Exists(pack))
        {
            return null;
        }

        return Directory.GetDirectories(pack)
            .Where(static d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal))
            .Select(static d => Path.Combine(d, "ref", "net10.0"))
            .Where(Directory.Exists)
            .OrderByDescending(static d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out Version? v) ? v : new Version(0, 0))
            .FirstOrDefault();
    }
}

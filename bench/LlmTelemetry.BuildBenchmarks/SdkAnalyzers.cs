using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// The .NET SDK's own code analyzers (<c>Microsoft.CodeAnalysis.NetAnalyzers</c>), which every SDK-style build runs,
/// loaded from the SDK this process runs under. A measurement without them would charge LlmTelemetry's analyzers for
/// the operation trees that csc builds for them anyway.
/// </summary>
internal static class SdkAnalyzers
{
    private static readonly string[] s_assemblies = { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" };

    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        string directory = Directory();
        var loader = new AssemblyLoader();
        return s_assemblies
            .SelectMany(name => new AnalyzerFileReference(Path.Combine(directory, name), loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
    }

    // <dotnet root>/sdk/<version>/Sdks/Microsoft.NET.Sdk/analyzers, of the newest SDK installed beside this runtime.
    private static string Directory()
    {
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string sdks = Path.Combine(root, "sdk");
        string? found = System.IO.Directory.Exists(sdks)
            ? System.IO.Directory.GetDirectories(sdks)
                .Select(static sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .Where(static analyzers => File.Exists(Path.Combine(analyzers, s_assemblies[0])))
                .OrderByDescending(static analyzers => analyzers, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException($"No .NET SDK with {s_assemblies[0]} under {sdks}: the build-cost benchmark runs the SDK's analyzers as a build does.");
    }

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

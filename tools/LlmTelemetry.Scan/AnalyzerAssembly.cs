using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Scan;

/// <summary>
/// The generators and analyzers of one analyzer assembly, found as csc finds them (<see cref="AnalyzerFileReference"/>)
/// and loaded into an <see cref="AssemblyLoadContext"/> of their own, so any build of LlmTelemetry.Generators.dll can be
/// run (<c>--analyzers</c>). Roslyn itself comes from the tool: an analyzer shares the host's compiler, as in csc.
/// </summary>
internal sealed class AnalyzerAssembly
{
    private AnalyzerAssembly(string path, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<ISourceGenerator> generators)
    {
        Path = path;
        Analyzers = analyzers;
        Generators = generators;
    }

    public string Path { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<ISourceGenerator> Generators { get; }

    /// <summary>The assembly built beside this tool, when no other is named.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "LlmTelemetry.Generators.dll");

    /// <param name="only">Analyzer type names to keep; empty keeps all (the generators are always kept).</param>
    public static AnalyzerAssembly Load(string path, IReadOnlyCollection<string> only)
    {
        var reference = new AnalyzerFileReference(path, new Loader(path));
        var failures = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.TypeName ?? path}: {e.ErrorCode}: {e.Message} {e.Exception}");
        ImmutableArray<DiagnosticAnalyzer> analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        ImmutableArray<ISourceGenerator> generators = reference.GetGenerators(LanguageNames.CSharp);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The analyzer assembly did not load:\n" + string.Join("\n", failures));
        }

        if (only.Count > 0)
        {
            analyzers = analyzers.Where(a => only.Contains(a.GetType().Name, StringComparer.Ordinal)).ToImmutableArray();
        }

        return new AnalyzerAssembly(path, analyzers, generators);
    }

    public static string NameOf(object analyzerOrGenerator) => analyzerOrGenerator switch
    {
        ISourceGenerator generator => GeneratorExtensions.GetGeneratorType(generator).Name,
        _ => analyzerOrGenerator.GetType().Name,
    };

    private sealed class Loader(string path) : IAnalyzerAssemblyLoader
    {
        private readonly AnalyzerLoadContext _context = new(System.IO.Path.GetDirectoryName(path)!);

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }

    // Loads the analyzer's own dependencies from its folder; Roslyn and the framework come from the host.
    private sealed class AnalyzerLoadContext(string directory) : AssemblyLoadContext("LlmTelemetry analyzers", isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string name = assemblyName.Name ?? "";
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" or "mscorlib")
            {
                return null;
            }

            string candidate = System.IO.Path.Combine(directory, name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}

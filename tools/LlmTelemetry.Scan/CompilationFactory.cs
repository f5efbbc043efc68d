using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LlmTelemetry.Scan;

/// <summary>
/// Builds the compilation of a project as the SDK would pass it to csc, as far as it can without MSBuild: its sources
/// parsed with the latest language version and the preprocessor symbols of a .NET 10 Release build, the global usings
/// file, <see cref="ReferenceSet"/>, and its project references as compilation references (built the same way, each
/// once per process).
/// </summary>
internal sealed class CompilationFactory(string root)
{
    private const int MaxReferenceDepth = 8;

    private static readonly string[] s_symbols =
    [
        "NET", "NETCOREAPP", "RELEASE", "TRACE", "NET10_0", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
        "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
    ];

    private readonly Dictionary<string, (MetadataReference Reference, MsBuildProject Project)?> _projectReferences = new(StringComparer.Ordinal);

    public CSharpParseOptions ParseOptionsFor(MsBuildProject project)
    {
        IEnumerable<string> defined = (project.Property("DefineConstants") ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(static s => SyntaxFacts.IsValidIdentifier(s));
        LanguageVersion version = string.Equals(project.Property("LangVersion"), "preview", StringComparison.OrdinalIgnoreCase)
            ? LanguageVersion.Preview
            : LanguageVersion.Latest;
        return new CSharpParseOptions(version, DocumentationMode.Parse, SourceCodeKind.Regular, s_symbols.Concat(defined).Distinct());
    }

    public ScannedCompilation Create(ScanProject scanProject, CancellationToken cancellationToken)
    {
        MsBuildProject project = scanProject.ProjectFile is string file ? MsBuildProject.Read(file) : MsBuildProject.None;
        return Create(scanProject, project, depth: 0, cancellationToken);
    }

    private ScannedCompilation Create(ScanProject scanProject, MsBuildProject project, int depth, CancellationToken cancellationToken)
    {
        CSharpParseOptions parseOptions = ParseOptionsFor(project);
        var trees = new List<SyntaxTree>(scanProject.Sources.Count + 1);
        foreach (string source in scanProject.Sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using FileStream stream = File.OpenRead(source);
            SourceText text = SourceText.From(stream, encoding: null, SourceHashAlgorithm.Sha256);
            trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, source, cancellationToken));
        }

        if (GlobalUsings.For(project) is string usings)
        {
            string path = Path.Combine(scanProject.Directory, "obj", Path.GetFileNameWithoutExtension(scanProject.Path) + ".GlobalUsings.g.cs");
            trees.Add(CSharpSyntaxTree.ParseText(usings, parseOptions, path, cancellationToken: cancellationToken));
        }

        OutputKind kind = OutputKindOf(project, trees);
        List<(MetadataReference Reference, MsBuildProject Project)> projectReferences = ProjectReferencesOf(project, depth, cancellationToken).ToList();
        bool agentFramework = ReferenceSet.AsksForAgentFramework(project) || projectReferences.Any(static r => ReferenceSet.AsksForAgentFramework(r.Project));
        bool genericHost = ReferenceSet.AsksForGenericHost(project) || projectReferences.Any(static r => ReferenceSet.AsksForGenericHost(r.Project));
        var references = new List<MetadataReference>(ReferenceSet.For(project.IsWeb, agentFramework, genericHost));
        references.AddRange(projectReferences.Select(static r => r.Reference));

        var options = new CSharpCompilationOptions(
            kind,
            nullableContextOptions: NullableOf(project),
            allowUnsafe: true,
            concurrentBuild: false,
            // The .NET SDK passes NoWarn CS1701;CS1702 (reference version unification) to every build.
            specificDiagnosticOptions: ImmutableDictionary<string, ReportDiagnostic>.Empty
                .Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress));
        string assemblyName = project.Property("AssemblyName") ?? Path.GetFileNameWithoutExtension(scanProject.Path);
        CSharpCompilation compilation = CSharpCompilation.Create(assemblyName, trees, references, options);
        return new ScannedCompilation(compilation, project, parseOptions, kind);
    }

    // Project references are transitive, as in the SDK: a project sees the projects its references reference.
    private IEnumerable<(MetadataReference Reference, MsBuildProject Project)> ProjectReferencesOf(MsBuildProject project, int depth, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string File, int Depth)>(project.ProjectReferences.Select(r => (r, depth + 1)));
        while (pending.TryDequeue(out var next))
        {
            if (next.Depth > MaxReferenceDepth || !seen.Add(next.File) || Built(next.File, next.Depth, cancellationToken) is not { } built)
            {
                continue;
            }

            yield return built;
            foreach (string transitive in built.Project.ProjectReferences)
            {
                pending.Enqueue((transitive, next.Depth + 1));
            }
        }
    }

    // A referenced project that is missing, or in a cycle, is left out (its types do not bind).
    private (MetadataReference Reference, MsBuildProject Project)? Built(string projectFile, int depth, CancellationToken cancellationToken)
    {
        if (_projectReferences.TryGetValue(projectFile, out var known))
        {
            return known;
        }

        _projectReferences[projectFile] = null; // a cycle ends here
        if (!File.Exists(projectFile))
        {
            return null;
        }

        MsBuildProject project = MsBuildProject.Read(projectFile);
        ScannedCompilation built = Create(ProjectDiscovery.One(root, projectFile), project, depth, cancellationToken);
        return _projectReferences[projectFile] = (built.Compilation.ToMetadataReference(), project);
    }

    private static OutputKind OutputKindOf(MsBuildProject project, List<SyntaxTree> trees)
    {
        string? outputType = project.Property("OutputType");
        if (string.Equals(outputType, "WinExe", StringComparison.OrdinalIgnoreCase))
        {
            return OutputKind.WindowsApplication;
        }

        bool topLevelStatements = trees.Any(static t => t.GetRoot().ChildNodes().Any(static n => n is GlobalStatementSyntax));
        return string.Equals(outputType, "Exe", StringComparison.OrdinalIgnoreCase) || (outputType is null && (project.IsWeb || project.IsWorker)) || topLevelStatements
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
    }

    private static NullableContextOptions NullableOf(MsBuildProject project) => project.Property("Nullable")?.ToLowerInvariant() switch
    {
        "enable" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => NullableContextOptions.Disable,
    };
}

/// <summary>A project's compilation and what it was built from.</summary>
internal sealed record ScannedCompilation(CSharpCompilation Compilation, MsBuildProject Project, CSharpParseOptions ParseOptions, OutputKind OutputKind);

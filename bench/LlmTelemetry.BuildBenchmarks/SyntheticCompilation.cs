using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using LlmTelemetry.Generators;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// The synthetic project as csc sees it: the same sources, the .NET 10 reference assemblies, LlmTelemetry,
/// Microsoft.Extensions.AI and logging, and the same warnings turned off as the project file turns off.
/// </summary>
internal static class SyntheticCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new DataExposureAnalyzer(), new RawContentCaptureAnalyzer(), new UntracedModelCallAnalyzer(), new LlmOperationUsageAnalyzer());

    private static readonly ImmutableArray<MetadataReference> s_references = Net100.References.All.Cast<MetadataReference>()
        .Concat(new[]
        {
            typeof(LlmOperationAttribute).Assembly.Location,
            typeof(Microsoft.Extensions.Compliance.Classification.DataClassification).Assembly.Location,
            typeof(Microsoft.Extensions.AI.ChatResponse).Assembly.Location,
            typeof(Microsoft.Extensions.AI.ChatClientBuilder).Assembly.Location,
            typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
        }.Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path)))
        .ToImmutableArray();

    // <NoWarn> of the written project, and the SDK's default CS1701/CS1702.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> s_noWarn = new[] { "CS1701", "CS1702", "CS1998", "LLMT1001", "LLMT1002", "LLMT2001", "LLMT2002" }
        .ToImmutableDictionary(static id => id, static _ => ReportDiagnostic.Suppress);

    // A build writes a portable PDB beside the assembly.
    private static readonly EmitOptions s_emitOptions = new(debugInformationFormat: DebugInformationFormat.PortablePdb);

    public static CSharpCompilation Create(SyntheticProject project) =>
        CSharpCompilation.Create(
            "Synthetic",
            project.Sources().Select(static source => Parse(source.Text, source.Path)),
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, specificDiagnosticOptions: s_noWarn));

    // With the encoding and checksum csc reads a source file with, which a portable PDB records.
    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8, SourceHashAlgorithm.Sha256), ParseOptions, path);

    /// <summary>A driver for LlmOperationGenerator, or for <paramref name="generator"/> when given.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator? generator = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new LlmOperationGenerator()).AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>The compilation with the generated bodies in it, as analyzers and the emitter see it; it must compile.</summary>
    public static Compilation WithGeneratedCode(CSharpCompilation compilation)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        AssertCompiles(output);
        return output;
    }

    /// <summary>
    /// Emits <paramref name="compilation"/> and its portable PDB to nowhere, as a build writes both, with
    /// <paramref name="generatedTrees"/> embedded in the PDB, as csc embeds every generated file. One that does not
    /// compile is an error, not a measurement.
    /// </summary>
    public static EmitResult Emit(Compilation compilation, IEnumerable<SyntaxTree>? generatedTrees = null)
    {
        EmitResult result = compilation.Emit(
            System.IO.Stream.Null,
            pdbStream: System.IO.Stream.Null,
            options: s_emitOptions,
            embeddedTexts: generatedTrees?.Select(static tree => EmbeddedText.FromSource(tree.FilePath, tree.GetText())));
        return result.Success ? result : throw new System.InvalidOperationException(string.Join("\n", result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5)));
    }

    /// <summary>A measurement of a project that does not compile would time error recovery, not a build.</summary>
    public static void AssertCompiles(Compilation compilation)
    {
        Diagnostic[] errors = compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5).ToArray();
        if (errors.Length > 0)
        {
            throw new System.InvalidOperationException("The synthetic project does not compile:\n" + string.Join("\n", errors.Select(static e => e.ToString())));
        }
    }
}

using System.Linq;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Parsing;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>One method of a source, bound, with the data-exposure context of its compilation: what the pre-check and the walks are handed.</summary>
internal sealed record AnalyzedMethod(DataExposureContext Exposure, ISymbol Owner, IOperation Body)
{
    public DataExposureOptions Options => Exposure.OptionsFor(Body.Syntax.SyntaxTree);

    /// <summary>The method named <paramref name="name"/> of <paramref name="source"/> (a single file, no .editorconfig).</summary>
    public static AnalyzedMethod Load(string source, string name)
    {
        Compilation compilation = GeneratorHarness.Compilation(TestReferences.All, source);
        var exposure = new DataExposureContext(
            compilation,
            DataExposureCatalog.For(compilation),
            new ImplementationMethods(KnownTypes.For(compilation), compilation.Assembly),
            optionsProvider: null);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        MethodDeclarationSyntax declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);
        SemanticModel model = compilation.GetSemanticModel(tree);
        return new AnalyzedMethod(exposure, model.GetDeclaredSymbol(declaration)!, model.GetOperation(declaration)!);
    }
}

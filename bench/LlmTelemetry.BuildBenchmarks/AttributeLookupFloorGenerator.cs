using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// The least any generator built on <c>ForAttributeWithMetadataName</c> pays for <c>[LlmOperation]</c>: Roslyn finds the
/// annotated methods and binds their symbols and attributes, and the transform keeps only the method's name. What
/// LlmOperationGenerator costs beyond this is its own; this much every such generator (<c>[LoggerMessage]</c>'s too)
/// pays in every compilation, a keystroke's included.
/// </summary>
// Run in process only (a GeneratorDriver), never loaded by csc, so it carries no [Generator] attribute.
internal sealed class AttributeLookupFloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<string> names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "LlmTelemetry.LlmOperationAttribute",
            predicate: static (node, _) => node is MethodDeclarationSyntax,
            transform: static (context, _) => context.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
    }
}

using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Emission;
using LlmTelemetry.Generators.Model;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators;

/// <summary>
/// Writes the bodies of <c>[LlmOperation]</c> and <c>[Retrieval]</c> partial methods. Methods with usage errors get no body; the
/// usage analyzer says why (the generator reports nothing itself, so the IDE shows each problem once).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LlmOperationGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incremental-caching tests.</summary>
    public static class TrackingNames
    {
        public const string Operations = nameof(Operations);
        public const string Retrievals = nameof(Retrievals);
        public const string Files = nameof(Files);
        public const string Readers = nameof(Readers);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<OperationMethodModel> operations = Operations(context, KnownTypes.LlmOperationAttributeName, TrackingNames.Operations);
        IncrementalValuesProvider<OperationMethodModel> retrievals = Operations(context, KnownTypes.RetrievalAttributeName, TrackingNames.Retrievals);

        IncrementalValueProvider<ImmutableArray<OperationMethodModel>> all = operations
            .Collect()
            .Combine(retrievals.Collect())
            .Select(static (both, _) => both.Left.AddRange(both.Right));

        IncrementalValuesProvider<TypeFileModel> files = all
            .SelectMany(static (operations, _) => GroupByType(operations))
            .WithTrackingName(TrackingNames.Files);

        // Compared by value: a keystroke that changes no operation's reader needs leaves the file cached.
        IncrementalValueProvider<ReaderSet> readers = all
            .Select(static (operations, _) => ReaderSet.Of(operations))
            .WithTrackingName(TrackingNames.Readers);

        context.RegisterSourceOutput(files, static (output, file) => output.AddSource(file.HintName, TypeFileEmitter.Emit(file)));
        context.RegisterSourceOutput(readers, static (output, readers) =>
        {
            if (!readers.IsEmpty)
            {
                output.AddSource(ReadersFileEmitter.HintName, ReadersFileEmitter.Emit(readers));
            }
        });
    }

    private static IncrementalValuesProvider<OperationMethodModel> Operations(IncrementalGeneratorInitializationContext context, string attributeName, string trackingName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (context, cancellationToken) =>
                {
                    if (context.TargetSymbol is not IMethodSymbol method || context.Attributes.IsEmpty)
                    {
                        return null;
                    }

                    KnownTypes known = KnownTypes.For(context.SemanticModel.Compilation);
                    return OperationMethodParser.Parse(method, context.Attributes[0], context.SemanticModel.Compilation, known, cancellationToken).Model;
                })
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(trackingName);

    private static ImmutableArray<TypeFileModel> GroupByType(ImmutableArray<OperationMethodModel> operations) =>
        operations
            .GroupBy(static operation => operation.ContainingType)
            .Select(static group => new TypeFileModel(group.Key, group.ToEquatableArray()))
            .ToImmutableArray();
}

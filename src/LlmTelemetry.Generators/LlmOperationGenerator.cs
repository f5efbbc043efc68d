using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Emission;
using LlmTelemetry.Generators.Model;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LlmTelemetry.Generators;

/// <summary>
/// Writes the bodies of <c>[LlmOperation]</c> and <c>[Retrieval]</c> partial methods. Methods with usage errors get a placeholder
/// body that throws; the usage analyzer reports the error, which fails the build. The one error the generator reports itself
/// is LLMT0002 (a containing type is not partial): no body can be written there, the compiler's errors remain, and csc
/// runs no analyzer once it has errors of its own. Each problem has one reporter, so the IDE shows it once.
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
        public const string TracingRegistrations = nameof(TracingRegistrations);
        public const string SemanticConventions = nameof(SemanticConventions);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParsedMethodModel> operations = Operations(context, KnownTypes.LlmOperationAttributeName, TrackingNames.Operations);
        IncrementalValuesProvider<ParsedMethodModel> retrievals = Operations(context, KnownTypes.RetrievalAttributeName, TrackingNames.Retrievals);

        IncrementalValueProvider<ImmutableArray<ParsedMethodModel>> all = operations
            .Collect()
            .Combine(retrievals.Collect())
            .Select(static (both, _) => both.Left.AddRange(both.Right));

        // The release of the conventions, as a value: a keystroke leaves it, and so the files, cached.
        IncrementalValueProvider<SemanticConventionsVersion> conventions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => SemanticConventionsOption.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.SemanticConventions);

        IncrementalValuesProvider<TypeFileModel> files = all
            .Combine(conventions)
            .SelectMany(static (pair, _) => GroupByType(pair.Left.Where(static m => m.HasBody), pair.Right))
            .WithTrackingName(TrackingNames.Files);

        // Compared by value: a keystroke that changes no operation's reader needs leaves the file cached.
        IncrementalValueProvider<ReaderSet> readers = all
            .Select(static (methods, _) => ReaderSet.Of(methods.Where(static m => m.Operation is not null).Select(static m => m.Operation!)))
            .WithTrackingName(TrackingNames.Readers);

        // What the code turns on for its model clients, for the analyzers of the projects that reference this one.
        IncrementalValueProvider<TracedClients> traced = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => TracingRegistrations.IsCandidate(node),
                static (syntax, cancellationToken) => TracingRegistrations.Classify((InvocationExpressionSyntax)syntax.Node, () => syntax.SemanticModel, cancellationToken))
            .Where(static flags => flags != TracedClients.None)
            .Collect()
            .Select(static (all, _) => all.Aggregate(TracedClients.None, static (sum, flags) => sum | flags))
            .WithTrackingName(TrackingNames.TracingRegistrations);

        context.RegisterSourceOutput(files, static (output, file) => output.AddSource(file.HintName, TypeFileEmitter.Emit(file)));
        ReportTypesNotPartial(context, operations);
        ReportTypesNotPartial(context, retrievals);
        context.RegisterSourceOutput(traced, static (output, flags) =>
        {
            if (flags != TracedClients.None)
            {
                output.AddSource(TracingMarkerEmitter.HintName, TracingMarkerEmitter.Emit(flags));
            }
        });
        context.RegisterSourceOutput(readers, static (output, readers) =>
        {
            if (!readers.IsEmpty)
            {
                output.AddSource(ReadersFileEmitter.HintName, ReadersFileEmitter.Emit(readers));
            }
        });
    }

    private static IncrementalValuesProvider<ParsedMethodModel> Operations(IncrementalGeneratorInitializationContext context, string attributeName, string trackingName) =>
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
                    return OperationMethodParser.Parse(method, context.Attributes[0], context.SemanticModel.Compilation, known, cancellationToken);
                })
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(trackingName);

    // Only where a type is not partial is the compilation joined, to turn the recorded span back into a location in its
    // syntax tree (where .editorconfig and #pragma apply): this step reruns on every edit only in that case.
    private static void ReportTypesNotPartial(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ParsedMethodModel> methods)
    {
        IncrementalValuesProvider<(TypeNotPartialModel Problem, Compilation Compilation)> problems = methods
            .Where(static m => m.TypeNotPartial is not null)
            .Select(static (m, _) => m.TypeNotPartial!)
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(problems, static (output, item) => output.ReportDiagnostic(TypeNotPartialDiagnostic(item.Problem, item.Compilation)));
    }

    private static Diagnostic TypeNotPartialDiagnostic(TypeNotPartialModel problem, Compilation compilation)
    {
        SyntaxTree? tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == problem.FilePath);
        Location location = tree is null ? Location.None : Location.Create(tree, new TextSpan(problem.Start, problem.Length));
        return Diagnostic.Create(DiagnosticDescriptors.TypeMustBePartial, location, problem.TypeName, problem.MethodName);
    }

    private static ImmutableArray<TypeFileModel> GroupByType(IEnumerable<ParsedMethodModel> methods, SemanticConventionsVersion conventions) =>
        methods
            .GroupBy(static method => method.ContainingType)
            .Select(group => new TypeFileModel(
                group.Key,
                group.Where(static m => m.Operation is not null).Select(static m => m.Operation!).ToEquatableArray(),
                group.Where(static m => m.Blocked is not null).Select(static m => m.Blocked!).ToEquatableArray(),
                conventions))
            .ToImmutableArray();
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// "Classify the parameter as [X]" (LLMT1001 on a <c>[LoggerMessage]</c> call): adds one of the compilation's data
/// classification attributes to the logging method's parameter, so that the logging generator redacts it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassifyLoggerMessageParameterCodeFix)), Shared]
public sealed class ClassifyLoggerMessageParameterCodeFix : CodeFixProvider
{
    private const int MaxOffered = 3;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TextLogged);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (LoggedParameter(root, model, diagnostic, context.CancellationToken) is not { } parameter
                || parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not ParameterSyntax declaration
                || context.Document.Project.Solution.GetDocument(declaration.SyntaxTree) is not { } declaringDocument)
            {
                continue;
            }

            foreach (INamedTypeSymbol classification in ClassificationAttributes(model.Compilation, context.CancellationToken).Take(MaxOffered))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Classify '{parameter.Name}' as [{SymbolFormatting.AttributeName(classification)}]",
                        ct => ClassifyAsync(declaringDocument, declaration, classification, ct),
                        "LlmTelemetry.Classify." + classification.ToDisplayString()),
                    diagnostic);
            }
        }
    }

    // The [LoggerMessage] method parameter the reported argument is passed to.
    private static IParameterSymbol? LoggedParameter(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        ArgumentSyntax? argument = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument is null || model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation invocation })
        {
            return null;
        }

        bool isLoggerMessage = invocation.TargetMethod.OriginalDefinition.GetAttributes()
            .Any(static a => a.AttributeClass?.ToDisplayString() == "Microsoft.Extensions.Logging.LoggerMessageAttribute");
        return isLoggerMessage ? parameter.OriginalDefinition : null;
    }

    // Attributes of this compilation a parameter can carry: concrete DataClassificationAttribute types with a parameterless constructor.
    private static IEnumerable<INamedTypeSymbol> ClassificationAttributes(Compilation compilation, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? baseType = compilation.GetWellKnownType("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        if (baseType is null)
        {
            yield break;
        }

        foreach (ISymbol symbol in compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol { IsAbstract: false, TypeKind: TypeKind.Class } type
                && type.InstanceConstructors.Any(static c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public)
                && ResultMappingParser.DerivesFrom(type, baseType))
            {
                yield return type;
            }
        }
    }

    private static async Task<Solution> ClassifyAsync(Document document, ParameterSyntax parameter, INamedTypeSymbol classification, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        // Fully qualified, then simplified against the document's usings.
        string fullName = classification.ToDisplayString();
        string name = "global::" + fullName.Substring(0, fullName.Length - classification.Name.Length) + SymbolFormatting.AttributeName(classification);
        AttributeListSyntax attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation))));
        ParameterSyntax classified = parameter.WithoutLeadingTrivia()
            .AddAttributeLists(attribute.WithTrailingTrivia(SyntaxFactory.Space))
            .WithLeadingTrivia(parameter.GetLeadingTrivia());
        Document changed = document.WithSyntaxRoot(root.ReplaceNode(parameter, classified));
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return changed.Project.Solution;
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// "Classify the parameter as [X]" (LLMT1001 on a <c>[LoggerMessage]</c> call): adds one of the compilation's data
/// classification attributes to the logging method's parameter, so that the logging generator redacts it. Offered by
/// <see cref="RedactExposedTextCodeFix"/>, the one provider of LLMT1001's fixes, so that a batch run fixes every call.
/// </summary>
internal static class LoggerMessageClassification
{
    private const int MaxOffered = 3;

    public const string KeyPrefix = "LlmTelemetry.Classify.";

    /// <summary>One fix per classification attribute (the first few), when the reported value is passed to a [LoggerMessage] method.</summary>
    public static IEnumerable<CodeAction> Fixes(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (LoggedParameter(root, model, diagnostic, cancellationToken) is not { } parameter
            || parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not ParameterSyntax declaration
            || document.Project.Solution.GetDocument(declaration.SyntaxTree) is not { } declaringDocument)
        {
            yield break;
        }

        foreach (INamedTypeSymbol classification in ClassificationAttributes(model.Compilation, cancellationToken).Take(MaxOffered))
        {
            yield return CodeAction.Create(
                $"Classify '{parameter.Name}' as [{SymbolFormatting.AttributeName(classification)}]",
                ct => ClassifyAsync(declaringDocument, declaration, classification, ct),
                KeyPrefix + classification.ToDisplayString());
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

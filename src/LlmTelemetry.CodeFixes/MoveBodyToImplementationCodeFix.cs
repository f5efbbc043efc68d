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

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// "Move the body to the implementation method" (LLMT0001, LLMT0003): for <c>[LlmOperation]</c> or <c>[Retrieval]</c>
/// on a method that has a body — the first thing everyone tries — the method becomes a <c>partial</c> declaration, its
/// body moves to the implementation method (<c>AnswerAsync</c> → <c>AnswerCoreAsync</c>, or the name given by
/// <c>Implementation</c>) and its containing types become <c>partial</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveBodyToImplementationCodeFix)), Shared]
public sealed class MoveBodyToImplementationCodeFix : CodeFixProvider
{
    public const string Title = "Move the body to the implementation method";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.MethodMustBePartial, DiagnosticIds.ImplementationNotFound);

    // LLMT0001 and LLMT0003 come together on one method, and methods of one type share its 'partial': a document at a time.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await MoveAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
            if (Target(root, model, diagnostic, context.CancellationToken) is not null)
            {
                ImmutableArray<Diagnostic> one = ImmutableArray.Create(diagnostic);
                context.RegisterCodeFix(CodeAction.Create(Title, ct => MoveAsync(context.Document, one, ct), Title), diagnostic);
            }
        }
    }

    private static async Task<Document> MoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var plans = new Dictionary<MethodDeclarationSyntax, OperationPlan>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (Target(root, model, diagnostic, cancellationToken) is ({ } method, { } implementation) && !plans.ContainsKey(method))
            {
                plans[method] = new OperationPlan(implementation, null, ImmutableArray<string>.Empty, null);
            }
        }

        return plans.Count == 0 ? document : await OperationRewrite.ApplyAsync(document, root, plans, cancellationToken).ConfigureAwait(false);
    }

    // The annotated method with a body, and the name its implementation gets, when no member has that name yet.
    private static (MethodDeclarationSyntax Method, string Implementation)? Target(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || method.Modifiers.Any(SyntaxKind.PartialKeyword) // an implementation part written by hand: its body has nowhere else to go
            || !OperationRewrite.CanRewrite(method)
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        var known = KnownTypes.For(model.Compilation);
        AttributeData? attribute = symbol.GetAttributes().FirstOrDefault(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.LlmOperationAttribute)
            || SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.RetrievalAttribute));
        if (attribute is null)
        {
            return null;
        }

        string implementation = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Implementation").Value.Value as string
            ?? ImplementationResolver.ConventionalName(symbol.Name);
        bool free = implementation.Length > 0 && implementation != symbol.Name && SyntaxFacts.IsValidIdentifier(implementation)
            && symbol.ContainingType.GetMembers(implementation).IsEmpty;
        return free ? (method, implementation) : null;
    }
}

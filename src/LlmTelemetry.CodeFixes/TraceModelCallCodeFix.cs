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
/// "Trace this model call": turns the method that makes an untraced model call into an <c>[LlmOperation]</c>
/// (<see cref="OperationRewrite"/>), with the operation name, provider, model and prompt parameters the code shows
/// (<see cref="TracedOperationPlanner"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TraceModelCallCodeFix)), Shared]
public sealed class TraceModelCallCodeFix : CodeFixProvider
{
    public const string Title = "Trace this model call with [LlmOperation]";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UntracedModelCall, DiagnosticIds.UnseenClientModelCall);

    // Several calls in one method, or several methods of one type, need one rewrite each: fix a document at a time.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await RewriteAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
            if (TargetMethod(root, model, diagnostic, context.CancellationToken) is not null)
            {
                ImmutableArray<Diagnostic> one = ImmutableArray.Create(diagnostic);
                context.RegisterCodeFix(CodeAction.Create(Title, ct => RewriteAsync(context.Document, one, ct), equivalenceKey: Title), diagnostic);
            }
        }
    }

    private static async Task<Document> RewriteAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var calls = new Dictionary<MethodDeclarationSyntax, List<InvocationExpressionSyntax>>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (TargetMethod(root, model, diagnostic, cancellationToken) is { } method)
            {
                if (!calls.TryGetValue(method, out List<InvocationExpressionSyntax>? inMethod))
                {
                    calls[method] = inMethod = new List<InvocationExpressionSyntax>();
                }

                inMethod.Add(root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>()!);
            }
        }

        // What the operations get is read before anything moves, while the semantic model still matches the syntax.
        Dictionary<MethodDeclarationSyntax, OperationPlan> plans = calls.ToDictionary(
            static c => c.Key, c => TracedOperationPlanner.Plan(c.Key, c.Value, model, cancellationToken));
        return plans.Count == 0 ? document : await OperationRewrite.ApplyAsync(document, root, plans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The method to turn into an operation, when the rewrite is possible and would leave no error.</summary>
    private static MethodDeclarationSyntax? TargetMethod(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || method.Modifiers.Any(SyntaxKind.PartialKeyword)
            || !OperationRewrite.CanRewrite(method)
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        // No method of the implementation's name yet, and a return type the generator can instrument.
        var known = KnownTypes.For(model.Compilation);
        ReturnShapeClassifier.Classify(symbol, known, out _, out string? unsupported);
        return unsupported is null && symbol.ContainingType.GetMembers(ImplementationResolver.ConventionalName(symbol.Name)).IsEmpty ? method : null;
    }
}

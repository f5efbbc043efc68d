using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// "Add UseOpenTelemetry()": for an untraced call through a client whose pipeline is built in view
/// (<c>new ChatClientBuilder(…)….Build()</c>), adds <c>.UseOpenTelemetry()</c> before <c>.Build()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUseOpenTelemetryCodeFix)), Shared]
public sealed class AddUseOpenTelemetryCodeFix : CodeFixProvider
{
    public const string Title = "Add UseOpenTelemetry() to the client pipeline";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UntracedModelCall);

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
            InvocationExpressionSyntax? build = FindBuild(root, model, diagnostic, context.CancellationToken);
            if (build is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => AddAsync(context.Document, build, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    // The Build() of a ChatClientBuilder or EmbeddingGeneratorBuilder that created the call's client, in this document.
    private static InvocationExpressionSyntax? FindBuild(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax call })
        {
            return null;
        }

        ISymbol? client = model.GetSymbolInfo(call.Expression, cancellationToken).Symbol;
        if (client is null)
        {
            return null;
        }

        return AssignedExpressions.Of(client, root, cancellationToken)
            .SelectMany(static e => e.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } build
                && model.GetTypeInfo(build.Expression, cancellationToken).Type?.Name is "ChatClientBuilder" or "EmbeddingGeneratorBuilder");
    }

    private static async Task<Document> AddAsync(Document document, InvocationExpressionSyntax build, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var access = (MemberAccessExpressionSyntax)build.Expression;
        ExpressionSyntax traced = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression, SyntaxFactory.IdentifierName("UseOpenTelemetry")));
        InvocationExpressionSyntax replacement = build.WithExpression(access.WithExpression(traced));
        return document.WithSyntaxRoot(root.ReplaceNode(build, replacement));
    }
}

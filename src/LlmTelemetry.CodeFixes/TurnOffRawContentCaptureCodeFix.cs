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

/// <summary>"Turn raw content capture off" (LLMT1005): sets the switch's constant <c>true</c> to <c>false</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TurnOffRawContentCaptureCodeFix)), Shared]
public sealed class TurnOffRawContentCaptureCodeFix : CodeFixProvider
{
    public const string Title = "Turn raw content capture off";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RawContentCaptureOn);

    public override FixAllProvider GetFixAllProvider() => FallbackFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // The analyzer points its additional location at the 'true' it reports.
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { } value
                || root.FindNode(value.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || Off(literal) is not { } off)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, off.WithTriviaFrom(literal)))), Title),
                diagnostic);
        }
    }

    private static LiteralExpressionSyntax? Off(LiteralExpressionSyntax literal) => literal.Kind() switch
    {
        SyntaxKind.TrueLiteralExpression => SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression),
        SyntaxKind.StringLiteralExpression => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("false")),
        _ => null,
    };
}

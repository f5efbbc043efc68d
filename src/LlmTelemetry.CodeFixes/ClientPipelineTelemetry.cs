using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// The other remedy for an untraced Microsoft.Extensions.AI call: <c>.UseOpenTelemetry()</c> in the client's pipeline,
/// where that pipeline is built in view (<c>new ChatClientBuilder(…)….Build()</c>). Its spans and metrics reach the
/// exporters through <c>AddLlmTelemetry()</c>, which listens to Microsoft.Extensions.AI's source and meter too.
/// </summary>
internal static class ClientPipelineTelemetry
{
    /// <summary>The <c>Build()</c> of a ChatClientBuilder or EmbeddingGeneratorBuilder that made the reported call's client, in this document.</summary>
    public static InvocationExpressionSyntax? FindBuild(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
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

    /// <summary><paramref name="build"/> with <c>.UseOpenTelemetry()</c> as the builder's last step.</summary>
    public static InvocationExpressionSyntax WithTelemetry(InvocationExpressionSyntax build)
    {
        var access = (MemberAccessExpressionSyntax)build.Expression;
        ExpressionSyntax traced = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression, SyntaxFactory.IdentifierName("UseOpenTelemetry")));
        return build.WithExpression(access.WithExpression(traced));
    }
}

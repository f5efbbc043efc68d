using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.CodeFixes;

/// <summary>The expressions a local, field or property is given in one document: its initializer and what is assigned to it.</summary>
internal static class AssignedExpressions
{
    public static IEnumerable<ExpressionSyntax> Of(ISymbol symbol, SyntaxNode root, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences.Where(r => r.SyntaxTree == root.SyntaxTree))
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer }:
                    yield return initializer.Value;
                    break;
                case PropertyDeclarationSyntax { Initializer: { } initializer }:
                    yield return initializer.Value;
                    break;
            }
        }

        foreach (AssignmentExpressionSyntax assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            string? name = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                _ => null,
            };
            if (name == symbol.Name)
            {
                yield return assignment.Right;
            }
        }
    }
}

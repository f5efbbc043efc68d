using System.Linq;
using System.Threading;
using LlmTelemetry.Generators.Model;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// The token count that stands for an exposed text, when the code in view already holds it: the output token count of
/// the response a completion text was read from (<c>response.Text</c> → <c>response.Usage?.OutputTokenCount</c>), or
/// the input token count of the response to the call a prompt was sent in. Read with the same rules the generator maps
/// results by: Microsoft.Extensions.AI <c>ChatResponse</c>, OpenAI <c>ChatCompletion</c> (also inside a
/// <c>ClientResult</c>), and user types with <c>[InputTokens]</c> / <c>[OutputTokens]</c> members.
/// </summary>
internal static class TokenCountDerivative
{
    /// <summary>The expression to write instead of <paramref name="text"/>, or <see langword="null"/> when no count is in view.</summary>
    public static ExpressionSyntax? Find(SemanticModel model, ExpressionSyntax text, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var known = KnownTypes.For(model.Compilation);
        return OutputTokensOf(model, known, text, cancellationToken) ?? InputTokensOfSentPrompt(model, known, text, diagnostic, cancellationToken);
    }

    // A completion read from a response (response.Text, completion.Content[0].Text, or a local that was initialized
    // with one): the nearest receiver in the chain whose type carries usage.
    private static ExpressionSyntax? OutputTokensOf(SemanticModel model, KnownTypes known, ExpressionSyntax text, CancellationToken cancellationToken)
    {
        ExpressionSyntax read = text;
        if (text is IdentifierNameSyntax && model.GetSymbolInfo(text, cancellationToken).Symbol is ILocalSymbol local
            && SingleInitializer(local, cancellationToken) is { } initializer && !IsReassigned(model, local, cancellationToken))
        {
            read = initializer;
        }

        for (ExpressionSyntax? receiver = ReceiverOf(read); receiver is not null; receiver = ReceiverOf(receiver))
        {
            if (TokenCount(model, known, receiver, ResultMemberRole.OutputTokens, cancellationToken) is not { } count)
            {
                continue;
            }

            // Read at the place of the text: a receiver taken from a local's initializer must still name the same value there.
            return ReferenceEquals(read, text) || IsStableAt(model, model.GetSymbolInfo(RootOf(receiver), cancellationToken).Symbol, text.SpanStart, cancellationToken) ? count : null;
        }

        return null;
    }

    // A prompt sent by 'var response = await chat.GetResponseAsync(prompt)' and written after that line: the response's input count.
    private static ExpressionSyntax? InputTokensOfSentPrompt(SemanticModel model, KnownTypes known, ExpressionSyntax text, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } sentAt || tree != text.SyntaxTree)
        {
            return null;
        }

        SyntaxNode? node = tree.GetRoot(cancellationToken).FindNode(sentAt.SourceSpan, getInnermostNodeForTie: true);
        InvocationExpressionSyntax? call = node.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent as InvocationExpressionSyntax;
        if (call is null || ResultHolder(call) is not { } declarator || declarator.Span.End > text.SpanStart
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol response
            || !IsStableAt(model, response, text.SpanStart, cancellationToken))
        {
            return null;
        }

        return TokenCount(known, SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia()), response.Type, ResultMemberRole.InputTokens);
    }

    private static ExpressionSyntax? TokenCount(SemanticModel model, KnownTypes known, ExpressionSyntax receiver, ResultMemberRole role, CancellationToken cancellationToken) =>
        model.GetTypeInfo(receiver, cancellationToken).Type is { } type ? TokenCount(known, receiver.WithoutTrivia(), type, role) : null;

    private static ExpressionSyntax? TokenCount(KnownTypes known, ExpressionSyntax receiver, ITypeSymbol type, ResultMemberRole role)
    {
        ResultMappingModel mapping = ResultMappingParser.Map(type, known);
        string value = receiver + (mapping.UnwrapClientResult ? ".Value" : "");
        string usageCount = role == ResultMemberRole.InputTokens ? "InputTokenCount" : "OutputTokenCount";
        string? count = mapping.Kind switch
        {
            ResultKind.MeaiChatResponse or ResultKind.OpenAIChatCompletion => $"{value}.Usage?.{usageCount}",
            ResultKind.User when mapping.Members.FirstOrDefault(m => m.Role == role) is { } member => $"{value}.{member.Name}",
            _ => null,
        };
        return count is null ? null : SyntaxFactory.ParseExpression(count);
    }

    // The receiver of a member read or an element read: 'response' in 'response.Text', 'completion.Content' in 'completion.Content[0]'.
    private static ExpressionSyntax? ReceiverOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Expression,
        ElementAccessExpressionSyntax element => element.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax method } => method.Expression,
        ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
        _ => null,
    };

    // The local that 'var response = await call' (through ConfigureAwait and parentheses) stores the call's result in.
    private static VariableDeclaratorSyntax? ResultHolder(InvocationExpressionSyntax call)
    {
        SyntaxNode current = call;
        while (true)
        {
            switch (current.Parent)
            {
                case AwaitExpressionSyntax or ParenthesizedExpressionSyntax:
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" }:
                case InvocationExpressionSyntax configured when configured.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" }:
                    current = current.Parent;
                    continue;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return declarator;
                default:
                    return null;
            }
        }
    }

    private static ExpressionSyntax? SingleInitializer(ILocalSymbol local, CancellationToken cancellationToken) =>
        local.DeclaringSyntaxReferences.Length == 1 && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value }
            ? value
            : null;

    // 'response' in 'response.Usage', 'completion' in 'completion.Content[0]'.
    private static ExpressionSyntax RootOf(ExpressionSyntax receiver) => ReceiverOf(receiver) is { } inner ? RootOf(inner) : receiver;

    // A variable read at another place names the same value there when it is a parameter, or a local in scope there
    // that nothing assigns besides its declaration.
    private static bool IsStableAt(SemanticModel model, ISymbol? symbol, int position, CancellationToken cancellationToken)
    {
        if (symbol is not (ILocalSymbol or IParameterSymbol) || !model.LookupSymbols(position, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
        {
            return false;
        }

        return symbol is not ILocalSymbol local || !IsReassigned(model, local, cancellationToken);
    }

    private static bool IsReassigned(SemanticModel model, ILocalSymbol local, CancellationToken cancellationToken)
    {
        SyntaxNode? scope = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).FirstAncestorOrSelf<BlockSyntax>();
        if (scope is null)
        {
            return true;
        }

        return scope.DescendantNodes().Any(node => WrittenExpression(node) is IdentifierNameSyntax { Identifier.ValueText: var name } written
            && name == local.Name
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(written, cancellationToken).Symbol, local));
    }

    private static ExpressionSyntax? WrittenExpression(SyntaxNode node) => node switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
        ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
        _ => null,
    };
}

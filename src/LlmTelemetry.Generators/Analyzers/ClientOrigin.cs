using System.Linq;
using System.Threading;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>Where the client of a model call comes from, as far as this compilation can see.</summary>
internal enum ClientOrigin
{
    /// <summary>Built where this compilation sees it, with <c>UseOpenTelemetry()</c>.</summary>
    Traced,

    /// <summary>Built where this compilation sees it, without telemetry.</summary>
    Visible,

    /// <summary>Handed in from elsewhere (a parameter, a member set from one): its pipeline cannot be seen here.</summary>
    Injected,
}

/// <summary>
/// Follows a call's receiver back to where the client was built: its initializer or the assignments to it, and through
/// a local, field or property copied from another (a few steps at most).
/// </summary>
internal static class ClientOriginFinder
{
    private const int MaxCopies = 4;

    public static ClientOrigin Of(IOperation? receiver, CancellationToken cancellationToken) => receiver switch
    {
        null or IParameterReferenceOperation => ClientOrigin.Injected,
        ILocalReferenceOperation local => FromDeclaration(local.Local, receiver.SemanticModel, 0, cancellationToken),
        IFieldReferenceOperation field => FromDeclaration(field.Field, receiver.SemanticModel, 0, cancellationToken),
        IPropertyReferenceOperation property => FromDeclaration(property.Property, receiver.SemanticModel, 0, cancellationToken),
        _ => FromExpression(receiver.Syntax),
    };

    private static ClientOrigin FromDeclaration(ISymbol symbol, SemanticModel? model, int copies, CancellationToken cancellationToken)
    {
        SyntaxNode? declaration = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        ExpressionSyntax? initializer = declaration switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
            _ => null,
        };
        if (initializer is not null && !IsPlaceholder(initializer))
        {
            return FromValue(initializer, model, copies, cancellationToken);
        }

        if (symbol is ILocalSymbol || declaration is null)
        {
            return ClientOrigin.Injected;
        }

        // A member without an initializer: judge it by what the type assigns to it (usually a constructor parameter).
        ExpressionSyntax[] assigned = symbol.ContainingType.DeclaringSyntaxReferences
            .SelectMany(r => r.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
            .Where(a => AssignedName(a.Left) == symbol.Name)
            .Select(static a => a.Right)
            .ToArray();
        if (assigned.Length == 0)
        {
            return ClientOrigin.Injected;
        }

        ClientOrigin[] origins = assigned.Select(a => FromValue(a, model, copies, cancellationToken)).ToArray();
        return origins.All(static o => o == ClientOrigin.Traced) ? ClientOrigin.Traced
            : origins.Contains(ClientOrigin.Visible) ? ClientOrigin.Visible
            : ClientOrigin.Injected;
    }

    // A value that only names another variable ('var client = _traced;') is judged by that variable, when it is in the
    // file being analyzed (an analyzer asks no other file's semantic model).
    private static ClientOrigin FromValue(ExpressionSyntax value, SemanticModel? model, int copies, CancellationToken cancellationToken)
    {
        ExpressionSyntax named = Unwrapped(value);
        if (named is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
            && model is not null
            && copies < MaxCopies
            && named.SyntaxTree == model.SyntaxTree)
        {
            ISymbol? copied = model.GetSymbolInfo(named, cancellationToken).Symbol;
            switch (copied)
            {
                case IParameterSymbol:
                    return ClientOrigin.Injected;
                case ILocalSymbol or IFieldSymbol or IPropertySymbol:
                    return FromDeclaration(copied, model, copies + 1, cancellationToken);
            }
        }

        return FromExpression(value);
    }

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax parenthesized => Unwrapped(parenthesized.Expression),
        PostfixUnaryExpressionSyntax { Operand: var operand } => Unwrapped(operand),
        CastExpressionSyntax cast => Unwrapped(cast.Expression),
        _ => expression,
    };

    private static ClientOrigin FromExpression(SyntaxNode expression)
    {
        // builder.UseOpenTelemetry(), or the client (or agent) it adds built by hand: new OpenTelemetryChatClient(inner, …).
        if (expression.DescendantNodesAndSelf().Any(static n => n switch
            {
                InvocationExpressionSyntax invocation => TracingRegistrations.Name(invocation) == "UseOpenTelemetry",
                ObjectCreationExpressionSyntax creation => TypeName(creation.Type) is "OpenTelemetryChatClient" or "OpenTelemetryEmbeddingGenerator" or "OpenTelemetryAgent",
                _ => false,
            }))
        {
            return ClientOrigin.Traced;
        }

        return expression.DescendantNodesAndSelf().Any(static n => n is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax)
            ? ClientOrigin.Visible
            : ClientOrigin.Injected;
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => TypeName(qualified.Right),
        AliasQualifiedNameSyntax alias => TypeName(alias.Name),
        _ => null,
    };

    // 'null!' or 'default!' says "assigned later": look at the assignments instead.
    private static bool IsPlaceholder(ExpressionSyntax expression) => expression switch
    {
        PostfixUnaryExpressionSyntax { Operand: var operand } => IsPlaceholder(operand),
        LiteralExpressionSyntax literal => literal.Token.ValueText is "null" or "default",
        _ => false,
    };

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
        _ => null,
    };
}

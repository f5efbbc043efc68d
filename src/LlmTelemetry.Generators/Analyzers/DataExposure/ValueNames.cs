using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>How a value is named in a diagnostic message: as it is written in the code, where it is written.</summary>
internal static class ValueNames
{
    private const int MaxLength = 80;

    /// <summary>
    /// The code that yields <paramref name="operation"/>. An implicit operation is named by what the reader sees: the
    /// element a <c>foreach</c> reads is its variable (the operation's own syntax is the loop's <c>var</c>).
    /// </summary>
    public static string Of(IOperation operation)
    {
        SyntaxNode syntax = operation.Syntax;
        string text = syntax.Parent switch
        {
            ForEachStatementSyntax loop when operation.IsImplicit && (syntax == loop.Type || syntax == loop) => loop.Identifier.ValueText,
            ForEachVariableStatementSyntax loop when operation.IsImplicit => loop.Variable.ToString(),
            _ => syntax switch
            {
                ForEachStatementSyntax loop => loop.Identifier.ValueText,
                ForEachVariableStatementSyntax loop => loop.Variable.ToString(),
                _ => syntax.ToString(),
            },
        };

        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";
    }
}

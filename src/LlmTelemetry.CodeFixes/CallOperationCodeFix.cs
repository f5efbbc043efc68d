using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// "Call the operation instead" (LLMT2004, and LLMT2003 for a delegate): names the <c>[LlmOperation]</c> method where its
/// implementation method is called or taken as a delegate, so that the call goes through the generated body and is
/// traced. Both have the same parameters and return type; named arguments take the operation's parameter names.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallOperationCodeFix)), Shared]
public sealed class CallOperationCodeFix : CodeFixProvider
{
    public const string Key = "LlmTelemetry.CallOperation";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ImplementationCalledDirectly, DiagnosticIds.ImplementationAsDelegate);

    public override FixAllProvider GetFixAllProvider() => FallbackFixAllProvider.Instance;

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
            if (Target(root, model, diagnostic, context.CancellationToken) is ({ } name, { } implementation, { } operation))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Call '{operation.Name}' instead",
                        ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(CallSite(name), Rewrite(CallSite(name), name, implementation, operation)))),
                        Key),
                    diagnostic);
            }
        }
    }

    // The name of the implementation method at the reported place, with the method and its operation.
    private static (SimpleNameSyntax Name, IMethodSymbol Implementation, IMethodSymbol Operation)? Target(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SimpleNameSyntax? name = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        var known = KnownTypes.For(model.Compilation);
        if (name is null || known.LlmOperationAttribute is null)
        {
            return null;
        }

        SymbolInfo info = model.GetSymbolInfo(name, cancellationToken);
        if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol implementation)
        {
            return null;
        }

        IMethodSymbol? operation = new ImplementationMethods(known, model.Compilation.Assembly).OperationOf(implementation);
        return operation is null ? null : (name, implementation, operation);
    }

    // The call, when the name is called: its named arguments change too.
    private static SyntaxNode CallSite(SimpleNameSyntax name) =>
        (SyntaxNode?)name.FirstAncestorOrSelf<InvocationExpressionSyntax>(i => i.Expression == name || (i.Expression as MemberAccessExpressionSyntax)?.Name == name)
        ?? name;

    private static SyntaxNode Rewrite(SyntaxNode site, SimpleNameSyntax name, IMethodSymbol implementation, IMethodSymbol operation)
    {
        SyntaxToken renamed = SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, operation.Name, name.Identifier.TrailingTrivia);
        SyntaxNode result = site.ReplaceNode(name, name.WithIdentifier(renamed));
        if (result is not InvocationExpressionSyntax call)
        {
            return result;
        }

        return call.WithArgumentList(call.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(
            call.ArgumentList.Arguments.Select(argument => argument.NameColon is { } named
                && implementation.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText) is { } parameter
                && parameter.Ordinal < operation.Parameters.Length
                    ? argument.WithNameColon(named.WithName(named.Name.WithIdentifier(
                        SyntaxFactory.Identifier(named.Name.Identifier.LeadingTrivia, operation.Parameters[parameter.Ordinal].Name, named.Name.Identifier.TrailingTrivia))))
                    : argument),
            call.ArgumentList.Arguments.GetSeparators())));
    }
}

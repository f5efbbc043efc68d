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
/// "Trace this model call": turns the method that makes an untraced model call into an <c>[LlmOperation]</c>. The
/// method becomes a <c>partial</c> declaration, its body moves to the implementation method (<c>AnswerAsync</c> →
/// <c>AnswerCoreAsync</c>), its containing types become <c>partial</c>, and the provider and model are filled in where
/// the call shows them (an OpenAI client made for a model).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TraceModelCallCodeFix)), Shared]
public sealed class TraceModelCallCodeFix : CodeFixProvider
{
    public const string Title = "Trace this model call with [LlmOperation]";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UntracedModelCall, DiagnosticIds.UnseenClientModelCall);

    // Several calls in one method, or several methods of one type, need one rewrite each: fix a document at a time.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        IEnumerable<MethodDeclarationSyntax> methods = diagnostics
            .Select(d => TargetMethod(root, model, d, context.CancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .Distinct();
        return await RewriteAsync(document, root, model, methods.ToArray(), context.CancellationToken).ConfigureAwait(false);
    });

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
            if (TargetMethod(root, model, diagnostic, context.CancellationToken) is { } method)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => RewriteAsync(context.Document, root, model, [method], cancellationToken), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    /// <summary>The method to turn into an operation, when the rewrite is possible.</summary>
    private static MethodDeclarationSyntax? TargetMethod(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || (method.Body is null && method.ExpressionBody is null)
            || method.Modifiers.Any(SyntaxKind.PartialKeyword)
            || method.Parent is not TypeDeclarationSyntax { } type
            || type is InterfaceDeclarationSyntax
            || type.Modifiers.Any(SyntaxKind.FileKeyword))
        {
            return null;
        }

        // async void cannot be awaited, so no generated body could wait for the call.
        if (method.Modifiers.Any(SyntaxKind.AsyncKeyword) && method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
        {
            return null;
        }

        string core = ImplementationResolver.ConventionalName(method.Identifier.ValueText);
        return model.GetDeclaredSymbol(method, cancellationToken) is { } symbol && symbol.ContainingType.GetMembers(core).IsEmpty ? method : null;
    }

    private static async Task<Document> RewriteAsync(Document document, SyntaxNode root, SemanticModel model, IReadOnlyList<MethodDeclarationSyntax> methods, CancellationToken cancellationToken)
    {
        // Provider and model are read before anything moves, while the semantic model still matches the syntax.
        Dictionary<MethodDeclarationSyntax, OperationPlan> plans = methods.ToDictionary(m => m, m => Plan(m, Infer(m, model, cancellationToken)));
        return await OperationRewrite.ApplyAsync(document, root, plans, cancellationToken).ConfigureAwait(false);
    }

    private static OperationPlan Plan(MethodDeclarationSyntax method, (string? Provider, string? Model) inferred)
    {
        var arguments = new List<AttributeArgumentSyntax>();
        if (inferred.Provider is not null)
        {
            arguments.Add(Named("Provider", inferred.Provider));
        }

        if (inferred.Model is not null)
        {
            arguments.Add(Named("Model", inferred.Model));
        }

        AttributeSyntax attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("LlmOperation"));
        if (arguments.Count > 0)
        {
            attribute = attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)));
        }

        return new OperationPlan(ImplementationResolver.ConventionalName(method.Identifier.ValueText), attribute, ImmutableArray<string>.Empty, null);
    }

    private static AttributeArgumentSyntax Named(string name, string value) =>
        SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)))
            .WithNameEquals(SyntaxFactory.NameEquals(name));

    // An OpenAI client names its provider, and the model it was made for when that is a literal in view:
    // new ChatClient("gpt-4o", …) or openAI.GetChatClient("gpt-4o").
    private static (string? Provider, string? Model) Infer(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode scope = method.Parent ?? method;
        string? provider = null;
        string? modelName = null;
        foreach (SyntaxNode node in scope.DescendantNodes())
        {
            (string? type, ArgumentListSyntax? arguments) = node switch
            {
                BaseObjectCreationExpressionSyntax creation => (model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString(), creation.ArgumentList),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetChatClient" or "GetEmbeddingClient" } access } invocation =>
                    (model.GetTypeInfo(access.Expression, cancellationToken).Type?.Name == "AzureOpenAIClient" ? "Azure" : "OpenAI.Chat.ChatClient", invocation.ArgumentList),
                _ => (null, null),
            };
            if (type is "OpenAI.Chat.ChatClient" or "OpenAI.Embeddings.EmbeddingClient" or "Azure")
            {
                provider = type == "Azure" ? "azure.ai.openai" : "openai";
                if (arguments?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                {
                    modelName ??= literal.Token.ValueText;
                }
            }
        }

        return (provider, modelName);
    }
}

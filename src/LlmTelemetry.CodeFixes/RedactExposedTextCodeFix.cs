using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// For prompt or completion text written to a log, the console, a span or an exception message (LLMT1001–LLMT1004):
/// classify the parameter of a <c>[LoggerMessage]</c> method it is passed to (<see cref="LoggerMessageClassification"/>), or
/// wrap the part of the value that carries the text in a redaction call — <c>LlmContent.Redact</c>, or a
/// <c>Redactor</c> the type already holds — or write its fingerprint (<c>LlmContent.Fingerprint</c>), its token count
/// (when the response that counted it is in view) or its length instead. A number is offered only where it compiles
/// in place of the text: in an interpolation, a concatenation, or an argument an overload takes it for.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactExposedTextCodeFix)), Shared]
public sealed class RedactExposedTextCodeFix : CodeFixProvider
{
    public const string RedactWithLlmContentKey = "LlmTelemetry.RedactWithLlmContent";
    public const string RedactWithMemberKey = "LlmTelemetry.RedactWithMember";
    public const string LengthKey = "LlmTelemetry.LogLength";
    public const string FingerprintKey = "LlmTelemetry.LogFingerprint";
    public const string TokenCountKey = "LlmTelemetry.LogTokenCount";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.TextLogged, DiagnosticIds.TextWrittenToConsole, DiagnosticIds.TextRecordedOnSpan, DiagnosticIds.TextInExceptionMessage);

    // Redact with LlmContent.Redact is registered first: Fix All's default where the chosen fix is not offered.
    public override FixAllProvider GetFixAllProvider() => FallbackFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        INamedTypeSymbol? llmContent = model.Compilation.GetWellKnownType("LlmTelemetry.LlmContent");
        bool canFingerprint = llmContent is not null && !llmContent.GetMembers("Fingerprint").IsEmpty;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            ExpressionSyntax? text = TextPart(root, model, diagnostic, context.CancellationToken);
            if (text is not null && llmContent is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Redact with LlmContent.Redact", ct => ReplaceAsync(context.Document, text, LlmContentCall("Redact", text), ct), RedactWithLlmContentKey),
                    diagnostic);
            }

            if (diagnostic.Id == DiagnosticIds.TextLogged)
            {
                foreach (CodeAction classify in LoggerMessageClassification.Fixes(context.Document, root, model, diagnostic, context.CancellationToken))
                {
                    context.RegisterCodeFix(classify, diagnostic);
                }
            }

            if (text is null)
            {
                continue;
            }

            if (RedactorMember(model, text, context.CancellationToken) is { } redactor)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Redact with '{redactor.Name}'", ct => ReplaceAsync(context.Document, text, RedactWith(redactor, text), ct), RedactWithMemberKey),
                    diagnostic);
            }

            if (canFingerprint)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Write a fingerprint (hash) instead", ct => ReplaceAsync(context.Document, text, LlmContentCall("Fingerprint", text), ct), FingerprintKey),
                    diagnostic);
            }

            if (TokenCountDerivative.Find(model, text, diagnostic, context.CancellationToken) is { } tokens && FitsInPlace(model, text, tokens, context.CancellationToken))
            {
                ExpressionSyntax replacement = tokens.WithTriviaFrom(text);
                context.RegisterCodeFix(
                    CodeAction.Create($"Write its token count '{tokens}' instead", ct => ReplaceAsync(context.Document, text, replacement, ct), TokenCountKey),
                    diagnostic);
            }

            bool maybeNull = model.GetTypeInfo(text, context.CancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull;
            ExpressionSyntax length = LengthOf(text, maybeNull);
            if (FitsInPlace(model, text, length, context.CancellationToken))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Write its length instead", ct => ReplaceAsync(context.Document, text, length, ct), LengthKey),
                    diagnostic);
            }
        }
    }

    // The part of the written value that carries the text, when it is a string the fixes can wrap.
    private static ExpressionSyntax? TextPart(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        TextSpan span = diagnostic.Location.SourceSpan;
        string[]? leaf = diagnostic.Properties.TryGetValue(DataExposureAnalyzer.LeafSpanProperty, out string? value) ? value?.Split(',') : null;
        if (leaf is { Length: 2 } && int.TryParse(leaf[0], out int leafStart) && int.TryParse(leaf[1], out int leafLength))
        {
            span = new TextSpan(leafStart, leafLength);
        }

        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        ExpressionSyntax? expression = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression ?? (node as InterpolationSyntax)?.Expression;
        return expression is not null && model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String ? expression : null;
    }

    // Whether a number written instead of the text still compiles: anything goes in an interpolation or a string
    // concatenation; an argument needs an overload that takes it (Console.WriteLine does, an exception's constructor
    // and a [LoggerMessage] method's string parameter do not).
    private static bool FitsInPlace(SemanticModel model, ExpressionSyntax text, ExpressionSyntax number, CancellationToken cancellationToken)
    {
        switch (text.Parent)
        {
            case InterpolationSyntax:
                return true;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation:
                return model.GetTypeInfo(concatenation, cancellationToken).Type?.SpecialType == SpecialType.System_String;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ExpressionSyntax call } }
                when call is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                ExpressionSyntax speculative = call.ReplaceNode(text, number.WithTriviaFrom(text));
                return model.GetSpeculativeSymbolInfo(call.SpanStart, speculative, SpeculativeBindingOption.BindAsExpression).Symbol is not null;
            default:
                return false;
        }
    }

    private static ISymbol? RedactorMember(SemanticModel model, ExpressionSyntax text, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? redactor = model.Compilation.GetWellKnownType("Microsoft.Extensions.Compliance.Redaction.Redactor");
        INamedTypeSymbol? type = model.GetEnclosingSymbol(text.SpanStart, cancellationToken)?.ContainingType;
        if (redactor is null || type is null)
        {
            return null;
        }

        return type.GetMembers().FirstOrDefault(m => m switch
        {
            IFieldSymbol { IsImplicitlyDeclared: false } field => ResultMappingParser.DerivesFrom(field.Type, redactor),
            IPropertySymbol property => ResultMappingParser.DerivesFrom(property.Type, redactor),
            _ => false,
        }) ?? type.InstanceConstructors.SelectMany(static c => c.Parameters).FirstOrDefault(p => ResultMappingParser.DerivesFrom(p.Type, redactor) && IsPrimaryConstructorParameter(p));
    }

    private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol.DeclaringSyntaxReferences.Any(static r => r.GetSyntax() is TypeDeclarationSyntax);

    private static ExpressionSyntax LlmContentCall(string method, ExpressionSyntax text) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::LlmTelemetry.LlmContent." + method).WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text.WithoutTrivia()))))
            .WithTriviaFrom(text);

    private static ExpressionSyntax RedactWith(ISymbol redactor, ExpressionSyntax text) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(redactor.Name), SyntaxFactory.IdentifierName("Redact")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(text.WithoutTrivia()))))
            .WithTriviaFrom(text);

    private static ExpressionSyntax LengthOf(ExpressionSyntax text, bool maybeNull)
    {
        ExpressionSyntax bare = text.WithoutTrivia();
        ExpressionSyntax receiver = bare is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? bare
            : SyntaxFactory.ParenthesizedExpression(bare);
        ExpressionSyntax length = maybeNull
            ? SyntaxFactory.ConditionalAccessExpression(receiver, SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("Length")))
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("Length"));
        return length.WithTriviaFrom(text);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax original, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        Document changed = document.WithSyntaxRoot(root.ReplaceNode(original, replacement));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

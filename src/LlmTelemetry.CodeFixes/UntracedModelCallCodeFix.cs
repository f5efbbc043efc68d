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
/// The two remedies for an untraced model call (LLMT2001, LLMT2002), in one provider so that a batch run fixes every
/// call: "Add UseOpenTelemetry()" where the client's pipeline is built in view, and "Trace this model call with
/// [LlmOperation]", which turns the enclosing method into an operation (<see cref="OperationRewrite"/>, with what
/// <see cref="TracedOperationPlanner"/> reads from the code). Fix All gives each call the chosen remedy where it is
/// offered and the other one elsewhere — UseOpenTelemetry() first, the smaller change — so that no call is left
/// untraced (dotnet format chooses by the first call it meets, or chooses nothing).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UntracedModelCallCodeFix)), Shared]
public sealed class UntracedModelCallCodeFix : CodeFixProvider
{
    public const string TraceTitle = "Trace this model call with [LlmOperation]";
    public const string UseOpenTelemetryTitle = "Add UseOpenTelemetry() to the client pipeline";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UntracedModelCall, DiagnosticIds.UnseenClientModelCall);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

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
            ImmutableArray<Diagnostic> one = ImmutableArray.Create(diagnostic);
            if (ClientPipelineTelemetry.FindBuild(root, model, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(UseOpenTelemetryTitle, ct => FixAsync(context.Document, one, UseOpenTelemetryTitle, ct), UseOpenTelemetryTitle),
                    diagnostic);
            }

            if (TargetMethod(root, model, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(TraceTitle, ct => FixAsync(context.Document, one, TraceTitle, ct), TraceTitle), diagnostic);
            }
        }
    }

    // Each call gets the chosen remedy where it is offered and the other one where not; pipelines are fixed first, then
    // the methods are rewritten, since a pipeline may be built inside a method that moves.
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? chosen, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var builds = new HashSet<InvocationExpressionSyntax>();
        var calls = new Dictionary<MethodDeclarationSyntax, List<InvocationExpressionSyntax>>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            InvocationExpressionSyntax? build = ClientPipelineTelemetry.FindBuild(root, model, diagnostic, cancellationToken);
            MethodDeclarationSyntax? method = TargetMethod(root, model, diagnostic, cancellationToken);
            if (build is not null && (chosen != TraceTitle || method is null))
            {
                builds.Add(build);
            }
            else if (method is not null)
            {
                if (!calls.TryGetValue(method, out List<InvocationExpressionSyntax>? inMethod))
                {
                    calls[method] = inMethod = new List<InvocationExpressionSyntax>();
                }

                inMethod.Add(root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<InvocationExpressionSyntax>()!);
            }
        }

        // What the operations get is read before anything moves, while the semantic model still matches the syntax.
        Dictionary<MethodDeclarationSyntax, OperationPlan> plans = calls.ToDictionary(
            static c => c.Key, c => TracedOperationPlanner.Plan(c.Key, c.Value, model, cancellationToken));

        root = root.TrackNodes(builds.Cast<SyntaxNode>().Concat(plans.Keys));
        root = root.ReplaceNodes(builds.Select(b => root.GetCurrentNode(b)!), static (_, build) => ClientPipelineTelemetry.WithTelemetry(build));
        if (plans.Count == 0)
        {
            return document.WithSyntaxRoot(root);
        }

        SyntaxNode current = root;
        var currentPlans = plans.ToDictionary(p => current.GetCurrentNode(p.Key)!, static p => p.Value);
        return await OperationRewrite.ApplyAsync(document, current, currentPlans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The method to turn into an operation, when the rewrite is possible and would leave no error.</summary>
    private static MethodDeclarationSyntax? TargetMethod(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || method.Modifiers.Any(SyntaxKind.PartialKeyword)
            || !OperationRewrite.CanRewrite(method)
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        // Not marked already (moving its body is LLMT0001's fix; a second [LlmOperation] would not compile), no method of
        // the implementation's name yet, and a return type the generator can instrument.
        var known = KnownTypes.For(model.Compilation);
        if (symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.LlmOperationAttribute)
            || SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.RetrievalAttribute)))
        {
            return null;
        }

        ReturnShapeClassifier.Classify(symbol, known, out _, out string? unsupported);
        return unsupported is null && symbol.ContainingType.GetMembers(ImplementationResolver.ConventionalName(symbol.Name)).IsEmpty ? method : null;
    }
}

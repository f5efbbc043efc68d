using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LlmTelemetry.CodeFixes;

/// <summary>What <see cref="OperationRewrite"/> does to one method.</summary>
/// <param name="ImplementationName">The name of the implementation method the body moves to.</param>
/// <param name="Attribute">The <c>[LlmOperation]</c> to add, or <see langword="null"/> when the method has one.</param>
/// <param name="PromptParameters">Parameters to mark <c>[Prompt]</c>.</param>
/// <param name="ModelParameter">A parameter to mark <c>[Model]</c>, or <see langword="null"/>.</param>
internal sealed record OperationPlan(string ImplementationName, AttributeSyntax? Attribute, ImmutableArray<string> PromptParameters, string? ModelParameter);

/// <summary>
/// Turns methods with a body into operations as the generator needs them: each becomes a <c>partial</c> declaration
/// without a body, the body moves to the implementation method beside it, and every type around it becomes
/// <c>partial</c>. All methods of a document are rewritten at once, since they share the types made partial.
/// </summary>
internal static class OperationRewrite
{
    // Attributes about the compiled body, which the implementation method now has.
    private static readonly ImmutableHashSet<string> s_bodyAttributes = ImmutableHashSet.Create(
        "MethodImpl", "SkipLocalsInit", "DebuggerStepThrough", "DebuggerHidden", "DebuggerNonUserCode", "AsyncMethodBuilder");

    // Suppressions may be about the signature or the body: both methods keep them.
    private static readonly ImmutableHashSet<string> s_bothAttributes = ImmutableHashSet.Create("SuppressMessage", "UnconditionalSuppressMessage");

    // LlmTelemetry's parameter attributes mean something on the operation only (elsewhere LLMT0010 says they have no effect).
    private static readonly ImmutableHashSet<string> s_operationParameterAttributes = ImmutableHashSet.Create(
        "Prompt", "Model", "SystemInstructions", "DataSource", "TopK");

    /// <summary>
    /// Whether <paramref name="method"/> has a body the rewrite can move: not abstract, extern or an explicit interface
    /// implementation, not <c>async void</c> (no generated body could wait for it), in a class, struct or record.
    /// </summary>
    public static bool CanRewrite(MethodDeclarationSyntax method) =>
        (method.Body is not null || method.ExpressionBody is not null)
        && method.ExplicitInterfaceSpecifier is null
        && method.Parent is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax
        && !((TypeDeclarationSyntax)method.Parent).Modifiers.Any(SyntaxKind.FileKeyword)
        && !(method.Modifiers.Any(SyntaxKind.AsyncKeyword) && method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword });

    /// <param name="root">The document's root, which <paramref name="plans"/>' methods belong to.</param>
    public static async Task<Document> ApplyAsync(Document document, SyntaxNode root, IReadOnlyDictionary<MethodDeclarationSyntax, OperationPlan> plans, CancellationToken cancellationToken)
    {
        var targets = plans.Keys.ToDictionary(static m => m, static _ => new SyntaxAnnotation("LlmTelemetry.OperationTarget"));
        root = root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(targets[original]));
        string endOfLine = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString().Contains("\r\n") ? "\r\n" : "\n";

        foreach (KeyValuePair<MethodDeclarationSyntax, SyntaxAnnotation> target in targets)
        {
            var method = (MethodDeclarationSyntax)root.GetAnnotatedNodes(target.Value).Single();
            root = root.ReplaceNode(method, Split(method, plans[target.Key], endOfLine));
        }

        // Every type around the operations must be partial for the generated body to be added to it.
        TypeDeclarationSyntax[] types = targets.Values
            .SelectMany(a => root.GetAnnotatedNodes(a))
            .SelectMany(static n => n.Ancestors().OfType<TypeDeclarationSyntax>())
            .Where(static t => !t.Modifiers.Any(SyntaxKind.PartialKeyword))
            .Distinct()
            .ToArray();
        root = root.ReplaceNodes(types, static (_, type) => type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));

        bool namesAttributes = plans.Values.Any(static p => p.Attribute is not null || !p.PromptParameters.IsEmpty || p.ModelParameter is not null);
        if (namesAttributes && root is CompilationUnitSyntax unit && !HasUsing(unit, "LlmTelemetry"))
        {
            root = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("LlmTelemetry")).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return await Formatter.FormatAsync(document.WithSyntaxRoot(root), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // The method becomes the operation's declaration and, beside it, the implementation method with its body.
    private static IEnumerable<SyntaxNode> Split(MethodDeclarationSyntax method, OperationPlan plan, string endOfLine)
    {
        // The implementation keeps the method's own layout, after a blank line and at its indentation.
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(method.GetLeadingTrivia().Reverse().TakeWhile(static t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        SyntaxList<AttributeListSyntax> implementationAttributes = SyntaxFactory.List(method.AttributeLists
            .Select(static list => Keep(list, static name => s_bodyAttributes.Contains(name) || s_bothAttributes.Contains(name)))
            .OfType<AttributeListSyntax>()
            .Select(list => list.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(endOfLine)).AddRange(indentation))));
        MethodDeclarationSyntax implementation = method
            .WithAttributeLists(implementationAttributes)
            .WithIdentifier(SyntaxFactory.Identifier(plan.ImplementationName))
            .WithModifiers(ImplementationModifiers(method.Modifiers))
            .WithParameterList(method.ParameterList.WithParameters(SyntaxFactory.SeparatedList(
                method.ParameterList.Parameters.Select(ImplementationParameter),
                method.ParameterList.Parameters.GetSeparators())))
            .WithLeadingTrivia(SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(endOfLine)).AddRange(indentation))
            .WithoutAnnotations("LlmTelemetry.OperationTarget");

        // The documentation comment stays first, above the attributes; a new attribute list is laid out by the formatter.
        SyntaxTriviaList leading = method.GetLeadingTrivia();
        MethodDeclarationSyntax bare = method.WithoutLeadingTrivia();
        var declarationAttributes = bare.AttributeLists
            .Select(static list => Keep(list, static name => !s_bodyAttributes.Contains(name)))
            .OfType<AttributeListSyntax>()
            .ToList();
        if (plan.Attribute is not null)
        {
            declarationAttributes.Add(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(plan.Attribute)));
        }

        SyntaxTokenList modifiers = SyntaxFactory.TokenList(bare.Modifiers.Where(static m => !m.IsKind(SyntaxKind.AsyncKeyword)));
        if (!modifiers.Any(SyntaxKind.PartialKeyword))
        {
            modifiers = modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        MethodDeclarationSyntax declaration = bare
            .WithAttributeLists(SyntaxFactory.List(declarationAttributes))
            .WithModifiers(modifiers)
            .WithParameterList(bare.ParameterList.WithParameters(SyntaxFactory.SeparatedList(
                bare.ParameterList.Parameters.Select(p => DeclarationParameter(p, plan)),
                bare.ParameterList.Parameters.GetSeparators())))
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine)))
            .WithLeadingTrivia(leading)
            .WithAdditionalAnnotations(Formatter.Annotation);

        return [declaration, implementation];
    }

    // The declaration keeps every parameter attribute but [EnumeratorCancellation], which only an async iterator may
    // carry (CS8424 elsewhere), and gains [Prompt] and [Model] where the plan says.
    private static ParameterSyntax DeclarationParameter(ParameterSyntax parameter, OperationPlan plan)
    {
        var lists = parameter.AttributeLists
            .Select(static list => Keep(list, static name => name != "EnumeratorCancellation"))
            .OfType<AttributeListSyntax>()
            .Select(static l => l.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space))
            .ToList();
        string name = parameter.Identifier.ValueText;
        if (plan.PromptParameters.Contains(name) && !Names(parameter).Contains("Prompt"))
        {
            lists.Add(AttributeList("Prompt"));
        }

        if (plan.ModelParameter == name && !Names(parameter).Contains("Model"))
        {
            lists.Add(AttributeList("Model"));
        }

        return parameter.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.List(lists)).WithLeadingTrivia(parameter.GetLeadingTrivia());
    }

    // The implementation is an ordinary private method: no extension 'this', no LlmTelemetry parameter attributes.
    private static ParameterSyntax ImplementationParameter(ParameterSyntax parameter)
    {
        SyntaxTriviaList leading = parameter.GetLeadingTrivia();
        var lists = parameter.AttributeLists
            .Select(static list => Keep(list, static name => !s_operationParameterAttributes.Contains(name)))
            .OfType<AttributeListSyntax>()
            .Select(static l => l.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space));
        ParameterSyntax stripped = parameter
            .WithModifiers(SyntaxFactory.TokenList(parameter.Modifiers.Where(static m => !m.IsKind(SyntaxKind.ThisKeyword))))
            .WithAttributeLists(default);
        stripped = stripped.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.List(lists));
        return stripped.WithLeadingTrivia(leading);
    }

    private static AttributeListSyntax AttributeList(string name) =>
        SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(name))))
            .WithTrailingTrivia(SyntaxFactory.Space);

    // The attribute list with only the attributes whose simple name passes, or null when none does.
    private static AttributeListSyntax? Keep(AttributeListSyntax list, System.Func<string, bool> keep)
    {
        AttributeSyntax[] kept = list.Attributes.Where(a => keep(SimpleName(a))).ToArray();
        return kept.Length == 0 ? null : kept.Length == list.Attributes.Count ? list : list.WithAttributes(SyntaxFactory.SeparatedList(kept));
    }

    private static IEnumerable<string> Names(ParameterSyntax parameter) =>
        parameter.AttributeLists.SelectMany(static l => l.Attributes).Select(SimpleName);

    private static string SimpleName(AttributeSyntax attribute)
    {
        string name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    // Private, and static, async, unsafe or readonly as the method was: the implementation is only called by the generated body.
    private static SyntaxTokenList ImplementationModifiers(SyntaxTokenList modifiers)
    {
        var kept = new List<SyntaxToken> { SyntaxFactory.Token(SyntaxKind.PrivateKeyword) };
        kept.AddRange(modifiers.Where(static m => m.Kind() is SyntaxKind.StaticKeyword or SyntaxKind.AsyncKeyword or SyntaxKind.UnsafeKeyword or SyntaxKind.ReadOnlyKeyword));
        return SyntaxFactory.TokenList(kept.Select(static t => t.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space)));
    }

    private static bool HasUsing(CompilationUnitSyntax unit, string name) =>
        unit.Usings.Any(u => u.Name?.ToString() == name)
        || unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == name));
}

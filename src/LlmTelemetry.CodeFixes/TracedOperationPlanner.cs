using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// What "Trace this model call with [LlmOperation]" writes on the new operation, as far as the code shows it: the
/// operation name (<c>embeddings</c> for embedding calls), the provider (from the client's type, or from where the client
/// is made: <c>new ChatClient(…)</c>, <c>GetChatClient</c> on an OpenAI or Azure OpenAI client, <c>new OllamaApiClient(…)</c>,
/// or the one provider library the project references), the model (from where the client is made, a
/// <c>ChatOptions { ModelId = … }</c> in the call, or a string constant with "model" in its name in the type), and the
/// string parameters that become the prompt. A request-options parameter makes <c>Model</c> unnecessary; a string
/// parameter that names the model becomes <c>[Model]</c>. What the code does not show is written as <c>"unknown"</c>: a valid
/// value, after which no warning remains, that shows in every span and dashboard — where a guess could be wrong unseen.
/// </summary>
internal static class TracedOperationPlanner
{
    public const string Unknown = "unknown";

    private const int MaxOriginDepth = 3;

    private static readonly ImmutableHashSet<string> s_modelParameterNames = ImmutableHashSet.Create(
        System.StringComparer.OrdinalIgnoreCase, "model", "modelId", "defaultModel", "deploymentName", "deployment");

    // The types whose arguments are request settings, never prompt text.
    private static readonly ImmutableHashSet<string> s_settingsTypes = ImmutableHashSet.Create(
        "System.Threading.CancellationToken", "Microsoft.Extensions.AI.ChatOptions", "Microsoft.Extensions.AI.EmbeddingGenerationOptions",
        "OpenAI.Chat.ChatCompletionOptions", "OpenAI.Embeddings.EmbeddingGenerationOptions", "Microsoft.SemanticKernel.PromptExecutionSettings",
        "Microsoft.SemanticKernel.Kernel", "Microsoft.SemanticKernel.KernelArguments");

    public static OperationPlan Plan(MethodDeclarationSyntax method, IReadOnlyList<InvocationExpressionSyntax> calls, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode root = method.SyntaxTree.GetRoot(cancellationToken);
        IMethodSymbol? operation = model.GetDeclaredSymbol(method, cancellationToken);
        var found = new ClientFacts();
        foreach (InvocationExpressionSyntax call in calls)
        {
            ExpressionSyntax? receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression;
            if (receiver is not null)
            {
                ReadOrigin(receiver, model, root, operation, found, MaxOriginDepth, cancellationToken);
                found.Provider ??= ProviderOfType(model.GetTypeInfo(receiver, cancellationToken).Type);
            }

            // A ChatOptions { ModelId = … } handed to the call, inline or through a local.
            foreach (ExpressionSyntax argument in call.ArgumentList.Arguments.Select(static a => a.Expression))
            {
                foreach (SyntaxNode node in WithAssignedValues(argument, model, root, cancellationToken))
                {
                    if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ModelId" }, Parent: InitializerExpressionSyntax } modelId)
                    {
                        found.Model(modelId.Right, model, operation, cancellationToken);
                    }
                }
            }
        }

        // Clients made elsewhere in the type (a field initializer, the constructor).
        if ((found.Provider is null || !found.HasModel) && method.Parent is TypeDeclarationSyntax type)
        {
            foreach (SyntaxNode node in type.DescendantNodes())
            {
                Read(node, model, operation, found, cancellationToken);
            }
        }

        found.Provider ??= ProviderOfReferences(model.Compilation);

        bool embeddings = calls.Count > 0 && calls.All(c => IsEmbeddingCall(c, model, cancellationToken));
        // As for the generator: Microsoft.Extensions.AI request options carry the model at run time.
        var known = KnownTypes.For(model.Compilation);
        bool optionsCarryModel = operation?.Parameters.Any(p => ResultMappingParser.DerivesFrom(p.Type, known.MeaiChatOptions)
            || ResultMappingParser.DerivesFrom(p.Type, known.MeaiEmbeddingGenerationOptions)) == true;
        ExpressionSyntax? modelArgument = found.ModelExpression
            ?? (found.ModelParameter is null && !optionsCarryModel ? ModelConstant(operation) ?? Literal(Unknown) : null);

        var arguments = new List<AttributeArgumentSyntax>();
        if (embeddings)
        {
            arguments.Add(SyntaxFactory.AttributeArgument(Literal("embeddings")));
        }

        arguments.Add(SyntaxFactory.AttributeArgument(Literal(found.Provider ?? Unknown)).WithNameEquals(SyntaxFactory.NameEquals("Provider")));
        if (modelArgument is not null)
        {
            arguments.Add(SyntaxFactory.AttributeArgument(modelArgument).WithNameEquals(SyntaxFactory.NameEquals("Model")));
        }

        AttributeSyntax attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("LlmOperation"), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)));
        ImmutableArray<string> prompts = embeddings ? ImmutableArray<string>.Empty : PromptParameters(calls, model, root, operation, found.ModelParameter, cancellationToken);
        return new OperationPlan(ImplementationResolver.ConventionalName(method.Identifier.ValueText), attribute, prompts, found.ModelParameter);
    }

    /// <summary>The provider and model shown where a client is made.</summary>
    private sealed class ClientFacts
    {
        public string? Provider { get; set; }

        public ExpressionSyntax? ModelExpression { get; private set; }

        public string? ModelParameter { get; private set; }

        public bool HasModel => ModelExpression is not null || ModelParameter is not null;

        // The first model seen wins; a parameter that names it becomes [Model], a constant is written as the code names it.
        public void Model(ExpressionSyntax value, SemanticModel model, IMethodSymbol? operation, CancellationToken cancellationToken)
        {
            if (HasModel)
            {
                return;
            }

            switch (model.GetSymbolInfo(value, cancellationToken).Symbol)
            {
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, operation) && parameter.Type.SpecialType == SpecialType.System_String:
                    ModelParameter = parameter.Name;
                    return;
                case IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String }:
                    ModelExpression = value.WithoutTrivia();
                    return;
            }

            if (model.GetConstantValue(value, cancellationToken) is { HasValue: true, Value: string text } && text.Length > 0)
            {
                ModelExpression = Literal(text);
            }
        }
    }

    // Follows the client back through the locals, fields and properties it is assigned from, in this document.
    private static void ReadOrigin(ExpressionSyntax client, SemanticModel model, SyntaxNode root, IMethodSymbol? operation, ClientFacts found, int depth, CancellationToken cancellationToken)
    {
        ISymbol? symbol = depth == 0 ? null : model.GetSymbolInfo(client, cancellationToken).Symbol;
        if (symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol))
        {
            return;
        }

        foreach (ExpressionSyntax given in AssignedExpressions.Of(symbol, root, cancellationToken))
        {
            foreach (SyntaxNode node in given.DescendantNodesAndSelf())
            {
                Read(node, model, operation, found, cancellationToken);
                if (node is IdentifierNameSyntax identifier && identifier != given)
                {
                    ReadOrigin(identifier, model, root, operation, found, depth - 1, cancellationToken);
                }
            }

            if (given is IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                ReadOrigin(given, model, root, operation, found, depth - 1, cancellationToken);
            }
        }
    }

    // One place a client may be made: a constructor or a factory method of a known provider library.
    private static void Read(SyntaxNode node, SemanticModel model, IMethodSymbol? operation, ClientFacts found, CancellationToken cancellationToken)
    {
        (string? provider, ArgumentListSyntax? arguments) = node switch
        {
            BaseObjectCreationExpressionSyntax creation => (ProviderOfCreatedType(model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString()), creation.ArgumentList),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation => (ProviderOfFactory(access, model, cancellationToken), invocation.ArgumentList),
            _ => (null, null),
        };
        if (provider is null)
        {
            return;
        }

        found.Provider ??= provider;
        if (arguments is not null && model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol made
            && ArgumentFor(arguments, made, static p => s_modelParameterNames.Contains(p.Name) && p.Type.SpecialType == SpecialType.System_String) is { } modelArgument)
        {
            found.Model(modelArgument, model, operation, cancellationToken);
        }
    }

    private static string? ProviderOfCreatedType(string? type) => type switch
    {
        "OpenAI.Chat.ChatClient" or "OpenAI.Embeddings.EmbeddingClient" or "OpenAI.OpenAIClient" => "openai",
        "Azure.AI.OpenAI.AzureOpenAIClient" => "azure.ai.openai",
        "OllamaSharp.OllamaApiClient" => "ollama",
        _ => null,
    };

    private static string? ProviderOfFactory(MemberAccessExpressionSyntax access, SemanticModel model, CancellationToken cancellationToken) => access.Name.Identifier.ValueText switch
    {
        "GetChatClient" or "GetEmbeddingClient" => model.GetTypeInfo(access.Expression, cancellationToken).Type?.Name switch
        {
            "AzureOpenAIClient" => "azure.ai.openai",
            "OpenAIClient" => "openai",
            _ => null,
        },
        // Semantic Kernel's connectors.
        "AddOpenAIChatCompletion" or "AddOpenAIEmbeddingGenerator" => "openai",
        "AddAzureOpenAIChatCompletion" or "AddAzureOpenAIEmbeddingGenerator" => "azure.ai.openai",
        "AddOllamaChatCompletion" or "AddOllamaEmbeddingGenerator" => "ollama",
        _ => null,
    };

    private static string? ProviderOfType(ITypeSymbol? type)
    {
        string? ns = type?.ContainingNamespace?.ToDisplayString();
        return ns switch
        {
            null => null,
            _ when ns == "OpenAI" || ns.StartsWith("OpenAI.", System.StringComparison.Ordinal) => "openai",
            _ when ns == "Azure.AI.OpenAI" => "azure.ai.openai",
            _ when ns == "OllamaSharp" || ns.StartsWith("OllamaSharp.", System.StringComparison.Ordinal) => "ollama",
            _ => null,
        };
    }

    // The one provider library the project references, when there is only one (Azure OpenAI brings the OpenAI library with it).
    private static string? ProviderOfReferences(Compilation compilation)
    {
        var names = new HashSet<string>(compilation.ReferencedAssemblyNames.Select(static a => a.Name));
        var providers = new List<string>();
        if (names.Contains("Azure.AI.OpenAI"))
        {
            providers.Add("azure.ai.openai");
        }
        else if (names.Contains("OpenAI"))
        {
            providers.Add("openai");
        }

        if (names.Contains("OllamaSharp"))
        {
            providers.Add("ollama");
        }

        return providers.Count == 1 ? providers[0] : null;
    }

    // A string constant of the type, or a type around it, that names a model.
    private static ExpressionSyntax? ModelConstant(IMethodSymbol? operation)
    {
        for (INamedTypeSymbol? type = operation?.ContainingType; type is not null; type = type.ContainingType)
        {
            IFieldSymbol? constant = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(static f =>
                f is { IsConst: true, Type.SpecialType: SpecialType.System_String } && f.Name.IndexOf("model", System.StringComparison.OrdinalIgnoreCase) >= 0);
            if (constant is not null)
            {
                return SyntaxFactory.IdentifierName(constant.Name);
            }
        }

        return null;
    }

    private static bool IsEmbeddingCall(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method
        && ModelCallCatalog.For(model.Compilation).Classify(method, ImmutableHashSet<string>.Empty) is { Embeddings: true };

    // The operation's string parameters that the calls send as their messages: named in the argument, or in the value of
    // a local the argument reads.
    private static ImmutableArray<string> PromptParameters(IReadOnlyList<InvocationExpressionSyntax> calls, SemanticModel model, SyntaxNode root, IMethodSymbol? operation, string? modelParameter, CancellationToken cancellationToken)
    {
        if (operation is null)
        {
            return ImmutableArray<string>.Empty;
        }

        var prompts = new HashSet<string>();
        foreach (InvocationExpressionSyntax call in calls)
        {
            IMethodSymbol? target = model.GetSymbolInfo(call, cancellationToken).Symbol as IMethodSymbol;
            foreach (ArgumentSyntax argument in call.ArgumentList.Arguments)
            {
                ITypeSymbol? parameterType = target is null ? null : ParameterOf(argument, call.ArgumentList, target)?.Type;
                if (parameterType is not null && s_settingsTypes.Contains(parameterType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).OriginalDefinition.ToDisplayString()))
                {
                    continue;
                }

                foreach (SyntaxNode node in WithAssignedValues(argument.Expression, model, root, cancellationToken))
                {
                    if (node is IdentifierNameSyntax identifier
                        && model.GetSymbolInfo(identifier, cancellationToken).Symbol is IParameterSymbol { Type.SpecialType: SpecialType.System_String } parameter
                        && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, operation)
                        && parameter.Name != modelParameter)
                    {
                        prompts.Add(parameter.Name);
                    }
                }
            }
        }

        return operation.Parameters.Select(static p => p.Name).Where(prompts.Contains).ToImmutableArray();
    }

    // The expression's nodes, and those of the values assigned to the locals it reads (in this document, a few steps back).
    private static IEnumerable<SyntaxNode> WithAssignedValues(ExpressionSyntax expression, SemanticModel model, SyntaxNode root, CancellationToken cancellationToken)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<(ExpressionSyntax Expression, int Depth)>();
        pending.Push((expression, MaxOriginDepth));
        while (pending.Count > 0)
        {
            (ExpressionSyntax current, int depth) = pending.Pop();
            foreach (SyntaxNode node in current.DescendantNodesAndSelf())
            {
                yield return node;
                if (depth > 0 && node is IdentifierNameSyntax identifier
                    && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local && seen.Add(local))
                {
                    foreach (ExpressionSyntax value in AssignedExpressions.Of(local, root, cancellationToken))
                    {
                        pending.Push((value, depth - 1));
                    }
                }
            }
        }
    }

    private static ExpressionSyntax? ArgumentFor(ArgumentListSyntax arguments, IMethodSymbol method, System.Func<IParameterSymbol, bool> wanted) =>
        arguments.Arguments.FirstOrDefault(a => ParameterOf(a, arguments, method) is { } p && wanted(p))?.Expression;

    private static IParameterSymbol? ParameterOf(ArgumentSyntax argument, ArgumentListSyntax arguments, IMethodSymbol method)
    {
        if (argument.NameColon is { } name)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText);
        }

        int index = arguments.Arguments.IndexOf(argument);
        return index < method.Parameters.Length ? method.Parameters[index] : method.Parameters.LastOrDefault(static p => p.IsParams);
    }

    private static LiteralExpressionSyntax Literal(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
}

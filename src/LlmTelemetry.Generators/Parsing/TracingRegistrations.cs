using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>What the code of a project turns on for the model clients it registers.</summary>
[Flags]
internal enum TracedClients
{
    None = 0,

    /// <summary>Chat clients registered in DI are traced (<c>AddChatClient(…).UseOpenTelemetry()</c>, or an Aspire integration's).</summary>
    ChatClients = 1,

    /// <summary>Embedding generators registered in DI are traced.</summary>
    EmbeddingGenerators = 2,

    /// <summary>The OpenAI SDK's own telemetry switch is set.</summary>
    OpenAISdk = 4,

    /// <summary>Semantic Kernel's own telemetry switch is set.</summary>
    SemanticKernel = 8,

    /// <summary>A chat client is registered in DI, as a statement of its own, without telemetry.</summary>
    UntracedChatClientRegistration = 16,
}

/// <summary>
/// Reads, from one call in a project's code, what it turns on for model clients: one set of rules shared by the
/// untraced-call analyzer (for the project itself) and the generator, which records what it found in the assembly
/// (<see cref="MarkerKey"/>) for the projects that reference it.
/// </summary>
internal static class TracingRegistrations
{
    /// <summary>The key of the <c>AssemblyMetadata</c> attribute the generator writes; its value lists the flags by name.</summary>
    public const string MarkerKey = "LlmTelemetry.TracedModelClients";

    private const string OpenAISwitch = "OpenAI.Experimental.EnableOpenTelemetry";

    // Also matches its ...Sensitive twin, which turns the same diagnostics on with content.
    private const string SemanticKernelSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics";

    /// <summary>A call that may say something, told by its name alone (no binding): the generator's syntax filter.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax invocation && Name(invocation) is "UseOpenTelemetry" or "SetSwitch" or "AddChatClient" or "AddKeyedChatClient" or "AddEmbeddingGenerator" or "AddKeyedEmbeddingGenerator";

    /// <summary>Whether a file's text can hold a candidate at all: the analyzer's look before it parses a file for them.</summary>
    public static bool MayHoldCandidates(string text) =>
        text.Contains("UseOpenTelemetry") || text.Contains("SetSwitch") || text.Contains("ChatClient(") || text.Contains("EmbeddingGenerator(");

    /// <summary>What <paramref name="invocation"/> turns on; <paramref name="model"/> is asked only for registrations.</summary>
    public static TracedClients Classify(InvocationExpressionSyntax invocation, Func<SemanticModel> model, CancellationToken cancellationToken)
    {
        string? name = Name(invocation);
        switch (name)
        {
            case "UseOpenTelemetry":
            {
                // services.AddChatClient(…)….UseOpenTelemetry(): the registered client is traced.
                TracedClients traced = TracedClients.None;
                foreach (InvocationExpressionSyntax inner in invocation.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    string? innerName = Name(inner);
                    traced |= IsChatClientRegistration(innerName) ? TracedClients.ChatClients
                        : IsEmbeddingGeneratorRegistration(innerName) ? TracedClients.EmbeddingGenerators
                        : TracedClients.None;
                }

                return traced;
            }

            case "SetSwitch":
                return SwitchName(invocation, model, cancellationToken) switch
                {
                    OpenAISwitch => TracedClients.OpenAISdk,
                    string s when s.StartsWith(SemanticKernelSwitch, StringComparison.Ordinal) => TracedClients.SemanticKernel,
                    _ => TracedClients.None,
                };

            case not null when IsChatClientRegistration(name) || IsEmbeddingGeneratorRegistration(name):
            {
                if (model().GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingAssembly.Name: var assembly })
                {
                    return TracedClients.None;
                }

                if (IsAspireIntegration(assembly))
                {
                    // builder.AddOpenAIClient("openai").AddChatClient("gpt"): Aspire's client integrations turn
                    // OpenTelemetry on for the clients they register.
                    return IsChatClientRegistration(name) ? TracedClients.ChatClients : TracedClients.EmbeddingGenerators;
                }

                // services.AddChatClient(inner); as a statement of its own: nothing adds telemetry to that pipeline.
                return IsChatClientRegistration(name) && assembly.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) && EndsAStatement(invocation)
                    ? TracedClients.UntracedChatClientRegistration
                    : TracedClients.None;
            }

            default:
                return TracedClients.None;
        }
    }

    /// <summary>The marker's value: the flags' names, comma-separated.</summary>
    public static string Format(TracedClients traced) => traced.ToString();

    /// <summary>Reads a marker's value; names it does not know (a newer generator's) are ignored.</summary>
    public static TracedClients Parse(string? value)
    {
        TracedClients traced = TracedClients.None;
        foreach (string part in (value ?? string.Empty).Split(','))
        {
            if (Enum.TryParse(part.Trim(), out TracedClients flag))
            {
                traced |= flag;
            }
        }

        return traced;
    }

    private static bool IsChatClientRegistration(string? name) => name is "AddChatClient" or "AddKeyedChatClient";

    private static bool IsEmbeddingGeneratorRegistration(string? name) => name is "AddEmbeddingGenerator" or "AddKeyedEmbeddingGenerator";

    private static bool IsAspireIntegration(string assembly) =>
        assembly.StartsWith("Aspire.", StringComparison.Ordinal) || assembly.StartsWith("CommunityToolkit.Aspire.", StringComparison.Ordinal);

    // The registration's builder goes nowhere else: 'services.AddChatClient(inner);' or a chain of calls on it that ends
    // the statement without UseOpenTelemetry().
    private static bool EndsAStatement(InvocationExpressionSyntax invocation)
    {
        SyntaxNode current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == current)
        {
            if (Name(outer) == "UseOpenTelemetry")
            {
                return false;
            }

            current = outer;
        }

        return current.Parent is ExpressionStatementSyntax;
    }

    // AppContext.SetSwitch("name", true), the name a literal or a constant.
    private static string? SwitchName(InvocationExpressionSyntax invocation, Func<SemanticModel> model, CancellationToken cancellationToken)
    {
        if (invocation.ArgumentList.Arguments is not { Count: 2 } arguments || arguments[1].Expression.IsKind(SyntaxKind.FalseLiteralExpression))
        {
            return null;
        }

        ExpressionSyntax name = arguments[0].Expression;
        return name is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
            ? literal.Token.ValueText
            : model().GetConstantValue(name, cancellationToken) is { HasValue: true, Value: string constant } ? constant : null;
    }

    public static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// What the whole compilation says about tracing, computed once and only if a call needs it: whether a DI
/// registration adds <c>UseOpenTelemetry()</c> to chat clients or embedding generators (or is an Aspire client
/// integration's, which traces by default), and whether the OpenAI SDK's or Semantic Kernel's own telemetry switch is
/// turned on.
/// </summary>
internal sealed class CompilationTracingFacts(Compilation compilation)
{
    private const string OpenAISwitch = "OpenAI.Experimental.EnableOpenTelemetry";

    // Also matches its ...Sensitive twin, which turns the same diagnostics on with content.
    private const string SemanticKernelSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics";

    // One entry, computed by the first call that needs it; a cancelled scan is not kept.
    private readonly CancellationSafeCache<Compilation, Facts> _facts = new(EqualityComparer<Compilation>.Default);

    public bool RegisteredChatClientsAreTraced(CancellationToken cancellationToken) => Get(cancellationToken).ChatClients;

    public bool RegisteredEmbeddingGeneratorsAreTraced(CancellationToken cancellationToken) => Get(cancellationToken).EmbeddingGenerators;

    public bool OpenAISdkTelemetryIsOn(CancellationToken cancellationToken) => Get(cancellationToken).OpenAISwitch;

    public bool SemanticKernelTelemetryIsOn(CancellationToken cancellationToken) => Get(cancellationToken).SemanticKernelSwitch;

    private Facts Get(CancellationToken cancellationToken) => _facts.GetOrCompute(compilation, Scan, cancellationToken);

    private static Facts Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        bool chat = false, embeddings = false, openAI = false, semanticKernel = false;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            string text = tree.GetText(cancellationToken).ToString();
            bool setsSwitch = text.Contains("SetSwitch");
            openAI |= setsSwitch && text.Contains(OpenAISwitch);
            semanticKernel |= setsSwitch && text.Contains(SemanticKernelSwitch);
            bool usesOpenTelemetry = text.Contains("UseOpenTelemetry");
            bool registers = text.Contains("ChatClient(") || text.Contains("EmbeddingGenerator(");
            if (!usesOpenTelemetry && !registers)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (InvocationExpressionSyntax invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                switch (Name(invocation))
                {
                    case "UseOpenTelemetry":
                        // services.AddChatClient(…)….UseOpenTelemetry(): the registered client is traced.
                        string?[] chain = invocation.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(Name).ToArray();
                        chat |= chain.Any(IsChatClientRegistration);
                        embeddings |= chain.Any(IsEmbeddingGeneratorRegistration);
                        break;
                    case string name when (IsChatClientRegistration(name) && !chat) || (IsEmbeddingGeneratorRegistration(name) && !embeddings):
                        // builder.AddAzureOpenAIClient("openai").AddChatClient("gpt"): Aspire's client integrations turn
                        // OpenTelemetry on for the clients they register.
#pragma warning disable RS1030 // The registration is in another tree than the call; its method is what tells an Aspire integration.
                        model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingAssembly.Name: var assembly } && IsAspireIntegration(assembly))
                        {
                            chat |= IsChatClientRegistration(name);
                            embeddings |= IsEmbeddingGeneratorRegistration(name);
                        }

                        break;
                }
            }
        }

        return new Facts(chat, embeddings, openAI, semanticKernel);
    }

    private static bool IsChatClientRegistration(string? name) => name is "AddChatClient" or "AddKeyedChatClient";

    private static bool IsEmbeddingGeneratorRegistration(string? name) => name is "AddEmbeddingGenerator" or "AddKeyedEmbeddingGenerator";

    private static bool IsAspireIntegration(string assembly) =>
        assembly.StartsWith("Aspire.", System.StringComparison.Ordinal) || assembly.StartsWith("CommunityToolkit.Aspire.", System.StringComparison.Ordinal);

    public static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    private sealed record Facts(bool ChatClients, bool EmbeddingGenerators, bool OpenAISwitch, bool SemanticKernelSwitch);
}

using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// What the whole compilation says about tracing, computed once and only if a call needs it: whether a DI
/// registration adds <c>UseOpenTelemetry()</c> to chat clients or embedding generators, and whether the OpenAI SDK's
/// or Semantic Kernel's own telemetry switch is turned on.
/// </summary>
internal sealed class CompilationTracingFacts(Compilation compilation)
{
    private const string OpenAISwitch = "OpenAI.Experimental.EnableOpenTelemetry";

    // Also matches its ...Sensitive twin, which turns the same diagnostics on with content.
    private const string SemanticKernelSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics";

    private readonly Lazy<(bool ChatClients, bool EmbeddingGenerators, bool OpenAISwitch, bool SemanticKernelSwitch)> _facts = new(() => Scan(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool RegisteredChatClientsAreTraced => _facts.Value.ChatClients;

    public bool RegisteredEmbeddingGeneratorsAreTraced => _facts.Value.EmbeddingGenerators;

    public bool OpenAISdkTelemetryIsOn => _facts.Value.OpenAISwitch;

    public bool SemanticKernelTelemetryIsOn => _facts.Value.SemanticKernelSwitch;

    private static (bool, bool, bool, bool) Scan(Compilation compilation)
    {
        bool chat = false, embeddings = false, openAI = false, semanticKernel = false;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            string text = tree.GetText().ToString();
            bool setsSwitch = text.Contains("SetSwitch");
            openAI |= setsSwitch && text.Contains(OpenAISwitch);
            semanticKernel |= setsSwitch && text.Contains(SemanticKernelSwitch);
            if (!text.Contains("UseOpenTelemetry"))
            {
                continue;
            }

            foreach (InvocationExpressionSyntax use in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(static i => Name(i) == "UseOpenTelemetry"))
            {
                // services.AddChatClient(…)….UseOpenTelemetry(): the registered client is traced.
                string?[] chain = use.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(Name).ToArray();
                chat |= chain.Any(static n => n is "AddChatClient" or "AddKeyedChatClient");
                embeddings |= chain.Any(static n => n is "AddEmbeddingGenerator" or "AddKeyedEmbeddingGenerator");
            }
        }

        return (chat, embeddings, openAI, semanticKernel);
    }

    public static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}

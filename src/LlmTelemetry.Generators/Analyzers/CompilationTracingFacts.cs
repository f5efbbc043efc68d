using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// What the whole compilation, and the assemblies it references, say about tracing (<see cref="TracingRegistrations"/>):
/// computed once and only if a call needs it.
/// </summary>
/// <remarks>
/// A referenced project built with LlmTelemetry carries what its code turns on as an assembly marker the generator
/// writes, so a registration in an Aspire ServiceDefaults project or a shared infrastructure project counts here too.
/// </remarks>
internal sealed class CompilationTracingFacts(Compilation compilation)
{
    // One entry, computed by the first call that needs it; a cancelled scan is not kept.
    private readonly CancellationSafeCache<Compilation, TracedClientsFacts> _facts = new(EqualityComparer<Compilation>.Default);

    public bool RegisteredChatClientsAreTraced(CancellationToken cancellationToken) => Has(TracedClients.ChatClients, cancellationToken);

    public bool RegisteredEmbeddingGeneratorsAreTraced(CancellationToken cancellationToken) => Has(TracedClients.EmbeddingGenerators, cancellationToken);

    public bool OpenAISdkTelemetryIsOn(CancellationToken cancellationToken) => Has(TracedClients.OpenAISdk, cancellationToken);

    public bool SemanticKernelTelemetryIsOn(CancellationToken cancellationToken) => Has(TracedClients.SemanticKernel, cancellationToken);

    /// <summary>
    /// Whether chat clients are registered in DI without telemetry, here or in a referenced project, and nowhere with it:
    /// then a call through an injected chat client is known to be untraced.
    /// </summary>
    public bool RegisteredChatClientsAreUntraced(CancellationToken cancellationToken) =>
        Has(TracedClients.UntracedChatClientRegistration, cancellationToken) && !Has(TracedClients.ChatClients, cancellationToken);

    private bool Has(TracedClients flag, CancellationToken cancellationToken) =>
        (_facts.GetOrCompute(compilation, Scan, cancellationToken).Traced & flag) != 0;

    private static TracedClientsFacts Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        TracedClients traced = TracedClients.None;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (!TracingRegistrations.MayHoldCandidates(tree.GetText(cancellationToken).ToString()))
            {
                continue;
            }

            SemanticModel? model = null;
#pragma warning disable RS1030 // A registration is in another tree than the call it decides; binding it tells an Aspire integration.
            SemanticModel ModelOfTree() => model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (TracingRegistrations.IsCandidate(node))
                {
                    traced |= TracingRegistrations.Classify((InvocationExpressionSyntax)node, ModelOfTree, cancellationToken);
                }
            }
        }

        foreach (IAssemblySymbol referenced in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (IsPlatformAssembly(referenced.Identity))
            {
                continue; // hundreds of them, none built with LlmTelemetry: their attributes are not decoded
            }

            foreach (AttributeData attribute in referenced.GetAttributes())
            {
                if (attribute is { AttributeClass.Name: "AssemblyMetadataAttribute", ConstructorArguments: { Length: 2 } arguments }
                    && arguments[0].Value is TracingRegistrations.MarkerKey && arguments[1].Value is string value)
                {
                    traced |= TracingRegistrations.Parse(value);
                }
            }
        }

        return new TracedClientsFacts(traced);
    }

    // Signed with one of the keys of .NET's own assemblies.
    private static bool IsPlatformAssembly(AssemblyIdentity identity)
    {
        System.Collections.Immutable.ImmutableArray<byte> token = identity.PublicKeyToken;
        if (token.Length != 8)
        {
            return false;
        }

        string hex = string.Concat(token.Select(static b => b.ToString("x2")));
        return hex is "b03f5f7f11d50a3a" or "cc7b13ffcd2ddd51" or "31bf3856ad364e35" or "adb9793829ddae60" or "7cec85d7bea7798e" or "b77a5c561934e089";
    }

    private sealed record TracedClientsFacts(TracedClients Traced);
}

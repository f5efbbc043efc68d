using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// Finds model calls no telemetry covers (LLMT2001, and LLMT2002 when the client is handed in from elsewhere), and
/// uses of <c>[LlmOperation]</c> implementation methods that skip the generated body (LLMT2003, LLMT2004).
/// </summary>
/// <remarks>
/// A call is traced when it runs in an implementation method (the generated body traces it), after an
/// <c>ActivitySource.StartActivity</c> in the same method, through a client built with <c>UseOpenTelemetry()</c> where
/// this compilation can see it (local, field, property or DI registration), or — for OpenAI non-streaming chat —
/// when the SDK's own telemetry switch is set. Nothing is registered for a compilation without a client library or
/// LlmTelemetry.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntracedModelCallAnalyzer : DiagnosticAnalyzer
{
    public const string ConfiguredMethodsKey = "llmtelemetry.model_call_methods";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UntracedModelCall,
        DiagnosticDescriptors.UnseenClientModelCall,
        DiagnosticDescriptors.ImplementationAsDelegate,
        DiagnosticDescriptors.ImplementationCalledDirectly);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var catalog = ModelCallCatalog.For(start.Compilation);
            var known = KnownTypes.For(start.Compilation);
            bool hasOperations = known.LlmOperationAttribute is not null;
            if (catalog.IsEmpty && !hasOperations)
            {
                return;
            }

            var facts = new CompilationTracingFacts(start.Compilation);
            ImplementationMethods? implementations = hasOperations ? new ImplementationMethods(known, start.Compilation.Assembly) : null;
            var settings = new ConcurrentDictionary<SyntaxTree, TreeSettings>();
            bool isTestProject = TestProjects.IsTestProject(start.Compilation, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            start.RegisterOperationAction(context => AnalyzeInvocation(context, catalog, facts, implementations, SettingsOf(context, settings, isTestProject)), OperationKind.Invocation);
            if (implementations is not null)
            {
                start.RegisterOperationAction(
                    context =>
                    {
                        if (SettingsOf(context, settings, isTestProject).Reports)
                        {
                            AnalyzeMethodReference(context, implementations);
                        }
                    },
                    OperationKind.MethodReference);
            }
        });
    }

    // What a file's .editorconfig says: the configured model calls, and whether LLMT2xxx is reported in it at all.
    private sealed record TreeSettings(ImmutableHashSet<string> Configured, bool Reports);

    // Looked up before it is read: a factory capturing the context would be a closure made at every operation.
    private static TreeSettings SettingsOf(OperationAnalysisContext context, ConcurrentDictionary<SyntaxTree, TreeSettings> byTree, bool isTestProject)
    {
        SyntaxTree tree = context.Operation.Syntax.SyntaxTree;
        if (!byTree.TryGetValue(tree, out TreeSettings? settings))
        {
            AnalyzerConfigOptions options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            settings = byTree.GetOrAdd(tree, new TreeSettings(EditorConfigList.Read(options, ConfiguredMethodsKey), !isTestProject || TestProjects.Reports(options)));
        }

        return settings;
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, ModelCallCatalog catalog, CompilationTracingFacts facts, ImplementationMethods? implementations, TreeSettings settings)
    {
        if (!settings.Reports)
        {
            return; // a test project
        }

        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol? enclosing = EnclosingMember(context.ContainingSymbol);

        if (implementations?.OperationOf(invocation.TargetMethod) is { } operation)
        {
            // The generated body is the one caller an implementation method should have (and generated code is not analyzed).
            if (!SymbolEqualityComparer.Default.Equals(enclosing?.OriginalDefinition, operation.OriginalDefinition))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImplementationCalledDirectly, NameLocation(invocation.Syntax), invocation.TargetMethod.Name, operation.Name));
            }

            return;
        }

        ImmutableHashSet<string> configured = settings.Configured;
        if (catalog.IsEmpty && configured.IsEmpty && !catalog.RecognisesMarkedModelCalls)
        {
            return;
        }

        if (catalog.Classify(invocation.TargetMethod, configured) is not { } api)
        {
            return;
        }

        if (enclosing is not null && catalog.Classify(enclosing, configured) is { Family: ModelFamily.Configured })
        {
            return; // inside a declared wrapper: the calls to the wrapper are checked instead
        }

        if (enclosing is not null && implementations?.OperationOf(enclosing) is not null)
        {
            return; // the generated body of an [LlmOperation] traces this call
        }

        if (StartsActivityBefore(invocation, catalog))
        {
            return;
        }

        IOperation? receiver = Receiver(invocation);
        if (receiver is IInstanceReferenceOperation || catalog.IsInClientPipeline(api, context.ContainingSymbol.ContainingType))
        {
            return; // middleware or a provider's adapter: traced, or not, where its pipeline is built and used
        }

        if ((api.Family == ModelFamily.OpenAIChat && !api.Streaming && facts.OpenAISdkTelemetryIsOn(context.CancellationToken))
            || (api.Family == ModelFamily.SemanticKernel && facts.SemanticKernelTelemetryIsOn(context.CancellationToken)))
        {
            return; // the SDK traces the call itself
        }

        switch (ClientOriginFinder.Of(receiver, context.CancellationToken))
        {
            case ClientOrigin.Traced:
                return;
            case ClientOrigin.Injected when api.Family == ModelFamily.ChatClient && facts.RegisteredChatClientsAreTraced(context.CancellationToken):
            case ClientOrigin.Injected when api.Family == ModelFamily.EmbeddingGenerator && facts.RegisteredEmbeddingGeneratorsAreTraced(context.CancellationToken):
                return;
            case ClientOrigin.Injected when api.Family == ModelFamily.ChatClient && facts.RegisteredChatClientsAreUntraced(context.CancellationToken):
                // The chat clients DI hands out are registered, here or in a referenced project, without telemetry.
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UntracedModelCall, NameLocation(invocation.Syntax), invocation.TargetMethod.Name,
                    $"'{receiver?.Syntax}' comes from a chat client registration (AddChatClient) without UseOpenTelemetry()"));
                return;
            case ClientOrigin.Injected:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnseenClientModelCall, NameLocation(invocation.Syntax), invocation.TargetMethod.Name, receiver?.Syntax.ToString() ?? "the client", Remedy(api, invocation.TargetMethod)));
                return;
            default:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UntracedModelCall, NameLocation(invocation.Syntax), invocation.TargetMethod.Name, Reason(api, receiver)));
                return;
        }
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context, ImplementationMethods implementations)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        if (implementations.OperationOf(reference.Method) is { } operation)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ImplementationAsDelegate, reference.Syntax.GetLocation(), reference.Method.Name, operation.Name));
        }
    }

    private static string Reason(ModelApi api, IOperation? receiver) => api.Family switch
    {
        ModelFamily.OpenAIChat when api.Streaming => "the OpenAI SDK's own telemetry does not cover streaming",
        ModelFamily.OpenAIChat or ModelFamily.OpenAIEmbeddings => $"'{receiver?.Syntax}' is an OpenAI client without telemetry (its own switch, OpenAI.Experimental.EnableOpenTelemetry, is not set in this project)",
        ModelFamily.SemanticKernel => "Semantic Kernel's own telemetry switch (Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics) is not set in this project and no span is open around the call",
        ModelFamily.Ollama => $"OllamaSharp's own API on '{receiver?.Syntax}' has no telemetry and no span is open around the call",
        ModelFamily.Agent => $"'{receiver?.Syntax}' is an agent built without UseOpenTelemetry() and no span is open around the run",
        ModelFamily.Configured => "no span covers this configured model call",
        _ => $"'{receiver?.Syntax}' is built without UseOpenTelemetry() and no span is open around the call",
    };

    // The other way to trace a call through a client handed in from elsewhere; UseOpenTelemetry() only fits a
    // Microsoft.Extensions.AI client.
    private static string Remedy(ModelApi api, IMethodSymbol method) => api.Family switch
    {
        ModelFamily.ChatClient or ModelFamily.EmbeddingGenerator => "register the client with UseOpenTelemetry()",
        ModelFamily.Ollama when method.Name == "EmbedAsync" => "call the model through the IEmbeddingGenerator that OllamaApiClient implements, built with UseOpenTelemetry()",
        ModelFamily.OpenAIChat when !api.Streaming => "turn on the OpenAI SDK's own telemetry (the AppContext switch OpenAI.Experimental.EnableOpenTelemetry)",
        ModelFamily.OpenAIChat or ModelFamily.OpenAIEmbeddings => "call the model through Microsoft.Extensions.AI (AsIChatClient() or AsIEmbeddingGenerator()) with UseOpenTelemetry()",
        ModelFamily.SemanticKernel => "turn on Semantic Kernel's own telemetry (the AppContext switch Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics)",
        ModelFamily.Ollama => "call the model through the IChatClient that OllamaApiClient implements, built with UseOpenTelemetry()",
        ModelFamily.Agent => "build the agent with .AsBuilder().UseOpenTelemetry().Build()",
        _ => "open a span around the call",
    };

    // A span started earlier in the same method covers the calls after it (the usual 'using var activity = …').
    private static bool StartsActivityBefore(IInvocationOperation invocation, ModelCallCatalog catalog)
    {
        if (catalog.ActivitySource is null)
        {
            return false;
        }

        IOperation root = invocation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        int position = invocation.Syntax.SpanStart;
        return root.Descendants().OfType<IInvocationOperation>().Any(i =>
            i.Syntax.SpanStart < position
            && i.TargetMethod.Name == "StartActivity"
            && SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, catalog.ActivitySource));
    }

    private static IOperation? Receiver(IInvocationOperation invocation)
    {
        IOperation? receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver;
    }

    private static IMethodSymbol? EnclosingMember(ISymbol symbol)
    {
        ISymbol? current = symbol;
        while (current is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction })
        {
            current = current.ContainingSymbol;
        }

        return current as IMethodSymbol;
    }

    private static Location NameLocation(SyntaxNode syntax) => syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.GetLocation(),
        InvocationExpressionSyntax { Expression: var expression } => expression.GetLocation(),
        _ => syntax.GetLocation(),
    };
}

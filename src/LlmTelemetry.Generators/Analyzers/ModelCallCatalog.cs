using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// The model-calling APIs of the client libraries a compilation references, recognised by metadata name: a library
/// that is not referenced adds nothing, so a compilation without any has an empty catalog.
/// </summary>
internal sealed class ModelCallCatalog
{
    private readonly INamedTypeSymbol? _chatClient;
    private readonly INamedTypeSymbol? _chatClientExtensions;
    private readonly INamedTypeSymbol? _embeddingGenerator;
    private readonly INamedTypeSymbol? _embeddingGeneratorExtensions;
    private readonly INamedTypeSymbol? _openAIChatClient;
    private readonly INamedTypeSymbol? _openAIEmbeddingClient;
    private readonly INamedTypeSymbol? _skChatCompletion;
    private readonly INamedTypeSymbol? _skChatCompletionExtensions;
    private readonly INamedTypeSymbol? _skKernelExtensions;
    private readonly INamedTypeSymbol? _ollamaClient;
    private readonly INamedTypeSymbol? _ollamaClientExtensions;
    private readonly INamedTypeSymbol? _ollamaChat;
    private readonly INamedTypeSymbol? _agent;
    private readonly INamedTypeSymbol? _modelCallAttribute;
    private readonly IAssemblySymbol _sourceAssembly;

    // Whether an assembly can declare [ModelCall] methods (it is this compilation, or references LlmTelemetry), so that
    // the attributes of methods elsewhere are never read.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IAssemblySymbol, bool> _canMarkModelCalls = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IAssemblySymbol, bool> _canMarkModelCallsOf;

    // What each method is when no wrapper is configured (most builds): every invocation of the compilation asks, from
    // two analyzers and the data-exposure pre-check and walk. A method that calls no model maps to NotAModelCall.
    private static readonly ModelApi NotAModelCall = new(ModelFamily.Configured, Streaming: false);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, ModelApi> _unconfigured = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IMethodSymbol, ModelApi> _classifyUnconfigured;

    // Built once per compilation and shared by the analyzers that recognise model calls.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, ModelCallCatalog> s_byCompilation = new();

    /// <summary>The catalog of <paramref name="compilation"/>, looked up once.</summary>
    public static ModelCallCatalog For(Compilation compilation) => s_byCompilation.GetValue(compilation, static c => new ModelCallCatalog(c));

    private ModelCallCatalog(Compilation compilation)
    {
        _chatClient = compilation.GetWellKnownType("Microsoft.Extensions.AI.IChatClient");
        _chatClientExtensions = compilation.GetWellKnownType("Microsoft.Extensions.AI.ChatClientExtensions");
        _embeddingGenerator = compilation.GetWellKnownType("Microsoft.Extensions.AI.IEmbeddingGenerator`2");
        _embeddingGeneratorExtensions = compilation.GetWellKnownType("Microsoft.Extensions.AI.EmbeddingGeneratorExtensions");
        _openAIChatClient = compilation.GetWellKnownType("OpenAI.Chat.ChatClient");
        _openAIEmbeddingClient = compilation.GetWellKnownType("OpenAI.Embeddings.EmbeddingClient");
        _skChatCompletion = compilation.GetWellKnownType("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService");
        _skChatCompletionExtensions = compilation.GetWellKnownType("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions");
        _skKernelExtensions = compilation.GetWellKnownType("Microsoft.SemanticKernel.KernelExtensions");
        _ollamaClient = compilation.GetWellKnownType("OllamaSharp.IOllamaApiClient");
        _ollamaClientExtensions = compilation.GetWellKnownType("OllamaSharp.OllamaApiClientExtensions");
        _ollamaChat = compilation.GetWellKnownType("OllamaSharp.Chat");
        _agent = compilation.GetWellKnownType("Microsoft.Agents.AI.AIAgent");
        DelegatingChatClient = compilation.GetWellKnownType("Microsoft.Extensions.AI.DelegatingChatClient");
        ActivitySource = compilation.GetWellKnownType("System.Diagnostics.ActivitySource");
        _modelCallAttribute = compilation.GetWellKnownType("LlmTelemetry.ModelCallAttribute");
        _sourceAssembly = compilation.Assembly;
        _canMarkModelCallsOf = CanMarkModelCalls;
        _classifyUnconfigured = method => ClassifyUncached(method, ImmutableHashSet<string>.Empty) ?? NotAModelCall;
    }

    // This compilation, or an assembly that references LlmTelemetry, can hold [ModelCall] methods.
    private bool CanMarkModelCalls(IAssemblySymbol assembly) =>
        SymbolEqualityComparer.Default.Equals(assembly, _sourceAssembly)
        || assembly.Modules.Any(static m => m.ReferencedAssemblies.Any(static r => r.Name == "LlmTelemetry"));

    public bool IsEmpty =>
        _chatClient is null && _embeddingGenerator is null && _openAIChatClient is null && _openAIEmbeddingClient is null && _skChatCompletion is null
        && _ollamaClient is null && _agent is null;

    /// <summary>Whether methods may be marked <c>[ModelCall]</c> (the compilation references LlmTelemetry).</summary>
    public bool RecognisesMarkedModelCalls => _modelCallAttribute is not null;

    public INamedTypeSymbol? DelegatingChatClient { get; }

    public INamedTypeSymbol? ActivitySource { get; }

    /// <summary>Whether <paramref name="method"/> calls a model, and through which family of client.</summary>
    public ModelApi? Classify(IMethodSymbol method, ImmutableHashSet<string> configured)
    {
        if (!configured.IsEmpty)
        {
            return ClassifyUncached(method, configured);
        }

        ModelApi api = _unconfigured.GetOrAdd(method, _classifyUnconfigured);
        return ReferenceEquals(api, NotAModelCall) ? null : api;
    }

    private ModelApi? ClassifyUncached(IMethodSymbol method, ImmutableHashSet<string> configured)
    {
        IMethodSymbol original = method.ReducedFrom ?? method.OriginalDefinition;
        INamedTypeSymbol type = original.ContainingType.OriginalDefinition;
        string name = original.Name;

        // OllamaSharp's own API first: its client is also an IChatClient, whose other methods are not its own chat calls.
        if (Is(type, _ollamaClientExtensions) || Implements(type, _ollamaClient))
        {
            switch (name)
            {
                case "ChatAsync" or "GenerateAsync":
                    return new ModelApi(ModelFamily.Ollama, Streaming: true);
                case "EmbedAsync":
                    return new ModelApi(ModelFamily.Ollama, Streaming: false, Embeddings: true);
            }
        }

        if (Is(type, _ollamaChat) && name is "SendAsync" or "SendAsAsync")
        {
            return new ModelApi(ModelFamily.Ollama, Streaming: true);
        }

        // Microsoft Agent Framework: an agent run calls the model (one turn, maybe several calls and tools).
        if (Is(type, _agent) && name is "RunAsync" or "RunStreamingAsync")
        {
            return new ModelApi(ModelFamily.Agent, Streaming: name == "RunStreamingAsync");
        }

        if (Is(type, _chatClientExtensions) || Implements(type, _chatClient))
        {
            return name switch
            {
                "GetResponseAsync" => new ModelApi(ModelFamily.ChatClient, Streaming: false),
                "GetStreamingResponseAsync" => new ModelApi(ModelFamily.ChatClient, Streaming: true),
                _ => null,
            };
        }

        if (Is(type, _embeddingGeneratorExtensions) || Implements(type, _embeddingGenerator))
        {
            return name is "GenerateAsync" or "GenerateVectorAsync" or "GenerateAndZipAsync" ? new ModelApi(ModelFamily.EmbeddingGenerator, Streaming: false, Embeddings: true) : null;
        }

        if (Is(type, _openAIChatClient))
        {
            return name switch
            {
                "CompleteChat" or "CompleteChatAsync" => new ModelApi(ModelFamily.OpenAIChat, Streaming: false),
                "CompleteChatStreaming" or "CompleteChatStreamingAsync" => new ModelApi(ModelFamily.OpenAIChat, Streaming: true),
                _ => null,
            };
        }

        if (Is(type, _openAIEmbeddingClient))
        {
            return name is "GenerateEmbedding" or "GenerateEmbeddingAsync" or "GenerateEmbeddings" or "GenerateEmbeddingsAsync"
                ? new ModelApi(ModelFamily.OpenAIEmbeddings, Streaming: false, Embeddings: true)
                : null;
        }

        if (Is(type, _skChatCompletionExtensions) || Implements(type, _skChatCompletion))
        {
            return name.StartsWith("GetChatMessageContent", System.StringComparison.Ordinal) || name.StartsWith("GetStreamingChatMessageContents", System.StringComparison.Ordinal)
                ? new ModelApi(ModelFamily.SemanticKernel, Streaming: name.Contains("Streaming"))
                : null;
        }

        if (Is(type, _skKernelExtensions) && name is "InvokePromptAsync" or "InvokePromptStreamingAsync")
        {
            return new ModelApi(ModelFamily.SemanticKernel, Streaming: name.Contains("Streaming"));
        }

        // Wrappers a team declares: marked [ModelCall], or in .editorconfig: llmtelemetry.model_call_methods = Contoso.Ai.Gateway.SendAsync, …
        return IsMarkedModelCall(original) || (!configured.IsEmpty && configured.Contains(type.ToDisplayString() + "." + name))
            ? new ModelApi(ModelFamily.Configured, Streaming: false)
            : null;
    }

    private bool IsMarkedModelCall(IMethodSymbol method)
    {
        if (_modelCallAttribute is null || method.ContainingAssembly is not { } assembly
            || !_canMarkModelCalls.GetOrAdd(assembly, _canMarkModelCallsOf))
        {
            return false;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _modelCallAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a call of <paramref name="api"/> from inside <paramref name="type"/> is part of a client pipeline: the type
    /// implements <c>IChatClient</c> or <c>IEmbeddingGenerator</c> (middleware passing the call on, or a provider's
    /// adapter calling its SDK), or Semantic Kernel's <c>IChatCompletionService</c> and calls another one. Whether the
    /// pipeline is traced is judged where it is built and used.
    /// </summary>
    public bool IsInClientPipeline(ModelApi api, ITypeSymbol? type) =>
        type is not null
        && (Implements(type, _chatClient) || Implements(type, _embeddingGenerator)
            || (api.Family == ModelFamily.SemanticKernel && Implements(type, _skChatCompletion))
            || (api.Family == ModelFamily.Agent && DerivesFrom(type, _agent)));

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol? known)
    {
        for (ITypeSymbol? current = type; current is not null && known is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, known))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    // Loops rather than LINQ here and below: this runs for every call the analyzers see, and a closure a call adds up.
    private static bool Implements(ITypeSymbol type, INamedTypeSymbol? known)
    {
        if (known is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known))
        {
            return true;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, known))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A recognised model call.</summary>
/// <param name="Embeddings">It returns embeddings (vectors), not text: what it is sent is a prompt, what it returns carries none.</param>
internal sealed record ModelApi(ModelFamily Family, bool Streaming, bool Embeddings = false);

internal enum ModelFamily
{
    ChatClient,
    EmbeddingGenerator,
    OpenAIChat,
    OpenAIEmbeddings,
    SemanticKernel,
    Ollama,
    Agent,
    Configured,
}

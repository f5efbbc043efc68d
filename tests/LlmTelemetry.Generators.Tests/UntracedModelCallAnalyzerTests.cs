using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer>;

namespace LlmTelemetry.Generators.Tests;

/// <summary>LLMT2001–LLMT2004: model calls no telemetry covers, and implementation methods that skip their generated body.</summary>
public sealed class UntracedModelCallAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;

        """;

    [Fact]
    public async Task LLMT2001_a_local_client_built_without_telemetry()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot
            {
                public async Task<string> AskAsync(IChatClient inner, string question)
                {
                    IChatClient chat = new ChatClientBuilder(inner).Build();
                    ChatResponse response = await chat.{|LLMT2001:GetResponseAsync|}(question);
                    await foreach (var update in chat.{|LLMT2001:GetStreamingResponseAsync|}(question)) { }
                    return response.Text;
                }
            }
            """);
    }

    [Fact]
    public async Task Not_reported_for_a_client_built_with_UseOpenTelemetry()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient inner)
            {
                private readonly IChatClient _traced = new ChatClientBuilder(inner).UseOpenTelemetry().Build();

                private IChatClient Other { get; } = new ChatClientBuilder(inner).UseOpenTelemetry().Build();

                public async Task AskAsync(string question)
                {
                    var local = new ChatClientBuilder(inner).UseOpenTelemetry().Build();
                    await local.GetResponseAsync(question);
                    await _traced.GetResponseAsync(question);
                    await Other.GetResponseAsync(question);
                }
            }
            """);
    }

    [Fact]
    public async Task LLMT2001_a_field_assigned_a_pipeline_without_telemetry()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot
            {
                private readonly IChatClient _chat;

                public Bot(IChatClient inner) => _chat = new ChatClientBuilder(inner).UseLogging().Build();

                public Task<ChatResponse> AskAsync(string question) => _chat.{|LLMT2001:GetResponseAsync|}(question);
            }
            """);
    }

    [Fact]
    public async Task LLMT2002_an_injected_client_whose_pipeline_cannot_be_seen()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder)
            {
                private readonly IChatClient _chat = chat;

                public async Task AskAsync(string question)
                {
                    await chat.{|LLMT2002:GetResponseAsync|}(question);
                    await _chat.{|LLMT2002:GetResponseAsync|}(question);
                    await embedder.{|LLMT2002:GenerateAsync|}(new[] { question });
                }
            }
            """);
    }

    [Fact]
    public async Task A_client_copied_into_another_local_or_field_is_judged_by_where_it_was_built()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat)
            {
                private readonly IChatClient _traced = new ChatClientBuilder(chat).UseOpenTelemetry().Build();
                private readonly IChatClient _tracedCopy;
                private readonly IChatClient _injected = chat;

                public Bot(IChatClient chat, bool unused) : this(chat) => _tracedCopy = _traced;

                public async Task AskAsync(string question)
                {
                    IChatClient traced = new ChatClientBuilder(chat).UseOpenTelemetry().Build();
                    var alias = traced;
                    await alias.GetResponseAsync(question);
                    var fieldAlias = (IChatClient)_traced;
                    await fieldAlias.GetResponseAsync(question);
                    await _tracedCopy.GetResponseAsync(question);

                    IChatClient plain = new ChatClientBuilder(chat).Build();
                    var plainAlias = plain;
                    await plainAlias.{|LLMT2001:GetResponseAsync|}(question);

                    var injectedAlias = _injected;
                    await injectedAlias.{|LLMT2002:GetResponseAsync|}(question);
                }
            }
            """);
    }

    [Fact]
    public async Task Not_reported_for_an_injected_client_registered_with_UseOpenTelemetry()
    {
        await Verify.VerifyAsync(Usings + """
            using Microsoft.Extensions.DependencyInjection;

            public static class Setup
            {
                public static void Register(IServiceCollection services, IChatClient model) =>
                    services.AddChatClient(model).UseFunctionInvocation().UseOpenTelemetry();
            }

            public class Bot(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
            }
            """);
    }

    [Fact]
    public async Task Not_reported_inside_an_implementation_method_or_after_a_started_activity()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Bot(IChatClient chat)
            {
                private static readonly ActivitySource Source = new("Bot");

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question);

                private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);

                public async Task<ChatResponse> ManualAsync(string question)
                {
                    using Activity? activity = Source.StartActivity("chat gpt-4o", ActivityKind.Client);
                    return await chat.GetResponseAsync(question);
                }
            }

            public sealed class Tracing(IChatClient inner) : DelegatingChatClient(inner)
            {
                public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, System.Threading.CancellationToken cancellationToken = default) =>
                    base.GetResponseAsync(messages, options, cancellationToken);
            }
            """);
    }

    [Fact]
    public async Task OpenAI_clients_and_the_sdk_switch()
    {
        await Verify.VerifyAsync(Usings + """
            using OpenAI.Chat;
            using OpenAI.Embeddings;

            public class Direct
            {
                public async Task RunAsync()
                {
                    var chat = new ChatClient("gpt-4o", "key");
                    await chat.{|LLMT2001:CompleteChatAsync|}(new UserChatMessage("hi"));
                    await foreach (var update in chat.{|LLMT2001:CompleteChatStreamingAsync|}(new UserChatMessage("hi"))) { }
                    var embeddings = new EmbeddingClient("text-embedding-3-small", "key");
                    await embeddings.{|LLMT2001:GenerateEmbeddingAsync|}("hi");
                }
            }
            """);

        await Verify.VerifyAsync(Usings + """
            using OpenAI.Chat;

            public class Direct
            {
                static Direct() => AppContext.SetSwitch("OpenAI.Experimental.EnableOpenTelemetry", true);

                public async Task RunAsync()
                {
                    var chat = new ChatClient("gpt-4o", "key");
                    await chat.CompleteChatAsync(new UserChatMessage("hi"));
                    await foreach (var update in chat.{|LLMT2001:CompleteChatStreamingAsync|}(new UserChatMessage("hi"))) { }
                }
            }
            """);
    }

    private static async Task VerifyCompilingAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        MarkupCompilation.AssertCompiles(source);
        await Verify.VerifyAsync(source, expected);
    }

    [Fact]
    public async Task LLMT2002_names_the_remedy_that_fits_the_client_library()
    {
        static Microsoft.CodeAnalysis.Testing.DiagnosticResult Unseen(int location, string method, string client, string remedy) =>
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("LLMT2002", DiagnosticSeverity.Info)
                .WithLocation(location)
                .WithArguments(method, client, remedy);

        await VerifyCompilingAsync(Usings + """
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using OllamaSharp;
            using OllamaSharp.Models;

            public class Bot(IChatClient chat, IChatCompletionService kernelChat, OllamaApiClient ollama, OpenAI.Chat.ChatClient openAI)
            {
                public async Task RunAsync(ChatHistory history)
                {
                    await chat.{|#0:GetResponseAsync|}("Hi");
                    await kernelChat.{|#1:GetChatMessageContentsAsync|}(history);
                    await foreach (var chunk in ollama.{|#2:GenerateAsync|}(new GenerateRequest { Prompt = "Hi" })) { }
                    await openAI.{|#3:CompleteChatAsync|}("Hi");
                    await foreach (var update in openAI.{|#4:CompleteChatStreamingAsync|}("Hi")) { }
                    await ollama.{|#5:EmbedAsync|}(new EmbedRequest { Input = ["Hi"] });
                }
            }
            """,
            Unseen(0, "GetResponseAsync", "chat", "register the client with UseOpenTelemetry()"),
            Unseen(1, "GetChatMessageContentsAsync", "kernelChat", "turn on Semantic Kernel's own telemetry (the AppContext switch Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics)"),
            Unseen(2, "GenerateAsync", "ollama", "call the model through the IChatClient that OllamaApiClient implements, built with UseOpenTelemetry()"),
            Unseen(3, "CompleteChatAsync", "openAI", "turn on the OpenAI SDK's own telemetry (the AppContext switch OpenAI.Experimental.EnableOpenTelemetry)"),
            Unseen(4, "CompleteChatStreamingAsync", "openAI", "call the model through Microsoft.Extensions.AI (AsIChatClient() or AsIEmbeddingGenerator()) with UseOpenTelemetry()"),
            Unseen(5, "EmbedAsync", "ollama", "call the model through the IEmbeddingGenerator that OllamaApiClient implements, built with UseOpenTelemetry()"));
    }

    [Fact]
    public async Task Not_reported_for_a_client_wrapped_in_OpenTelemetryChatClient_by_hand()
    {
        await VerifyCompilingAsync(Usings + """
            public class Bot(IChatClient inner)
            {
                private readonly IChatClient _chat = new OpenTelemetryChatClient(inner, sourceName: "Bot");

                public Task<ChatResponse> AskAsync(string question) => _chat.GetResponseAsync(question);
            }
            """);
    }

    [Fact]
    public async Task Not_reported_in_middleware_forwarding_to_an_inner_client_of_the_same_interface()
    {
        await VerifyCompilingAsync(Usings + """
            using System.Threading;

            public sealed class Retrying(IChatClient inner) : IChatClient
            {
                private readonly IChatClient _inner = inner;

                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    _inner.GetResponseAsync(messages, options, cancellationToken);

                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    _inner.GetStreamingResponseAsync(messages, options, cancellationToken);

                public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

                public void Dispose() => _inner.Dispose();
            }

            public sealed class Caching(IChatClient inner) : DelegatingChatClient(inner)
            {
                private readonly IChatClient _other = inner;

                public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    _other.GetResponseAsync(messages, options, cancellationToken);
            }

            public sealed class Embedder(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
            {
                private readonly IEmbeddingGenerator<string, Embedding<float>> _inner = inner;

                public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
                    _inner.GenerateAsync(values, options, cancellationToken);
            }

            // A provider's adapter: the IChatClient is the leaf of a pipeline, traced where the pipeline is built.
            public sealed class OpenAIAdapter(OpenAI.Chat.ChatClient sdk) : IChatClient
            {
                public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    OpenAI.Chat.ChatCompletion completion = await sdk.CompleteChatAsync([new OpenAI.Chat.UserChatMessage("hi")], cancellationToken: cancellationToken);
                    return new ChatResponse(new ChatMessage(ChatRole.Assistant, completion.Content[0].Text));
                }

                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    throw new NotSupportedException();

                public object? GetService(Type serviceType, object? serviceKey = null) => null;

                public void Dispose() { }
            }

            // Not middleware: a service that holds a client is where the call should be traced.
            public sealed class Assistant(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.{|LLMT2002:GetResponseAsync|}(question);
            }
            """);
    }

    private const string UntracedInATest = Usings + """
        public class BotTests
        {
            public async Task AnswersAsync(IChatClient inner)
            {
                IChatClient chat = new ChatClientBuilder(inner).Build();
                await chat.GetResponseAsync("Hi");
            }
        }
        """;

    [Theory]
    [InlineData("xunit.core")]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    public async Task Not_reported_in_a_test_project(string testFramework)
    {
        await Verify.VerifyAsync(UntracedInATest, null, [TestReferences.Assembly(testFramework)]);
    }

    [Fact]
    public async Task Reported_in_a_test_project_that_asks_for_it()
    {
        await Verify.VerifyAsync(UntracedInATest.Replace("chat.GetResponseAsync", "chat.{|LLMT2001:GetResponseAsync|}"), "llmtelemetry.untraced_calls.test_projects = report", [TestReferences.Assembly("xunit.core")]);
    }

    [Fact]
    public async Task Not_reported_for_clients_an_Aspire_integration_registers()
    {
        // Aspire's client integrations (builder.AddOpenAIClient("openai").AddChatClient("gpt")) turn telemetry on themselves.
        MetadataReference aspire = TestReferences.Assembly("Aspire.OpenAI", """
            namespace Microsoft.Extensions.Hosting
            {
                public sealed class AspireOpenAIClientBuilder { }

                public static class AspireOpenAIClientBuilderChatClientExtensions
                {
                    public static Microsoft.Extensions.AI.ChatClientBuilder AddChatClient(this AspireOpenAIClientBuilder builder, string? deploymentName = null) => null!;

                    public static Microsoft.Extensions.AI.EmbeddingGeneratorBuilder<string, Microsoft.Extensions.AI.Embedding<float>> AddEmbeddingGenerator(this AspireOpenAIClientBuilder builder, string? deploymentName = null) => null!;
                }
            }
            """);
        await Verify.VerifyAsync(Usings + """
            using Microsoft.Extensions.Hosting;

            public static class Registration
            {
                public static void Register(AspireOpenAIClientBuilder openAI)
                {
                    openAI.AddChatClient("gpt-4o");
                    openAI.AddEmbeddingGenerator("text-embedding-3-small");
                }
            }

            public class Bot(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder)
            {
                public async Task AskAsync(string question)
                {
                    await chat.GetResponseAsync(question);
                    await embedder.GenerateAsync(new[] { question });
                }
            }
            """, null, [aspire]);
    }

    [Fact]
    public async Task Semantic_Kernel_chat_completion_and_prompt_calls()
    {
        await VerifyCompilingAsync(Usings + """
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            public class Bot
            {
                public async Task RunAsync(ChatHistory history)
                {
                    Kernel kernel = new Kernel();
                    IChatCompletionService chat = kernel.GetRequiredService<IChatCompletionService>();
                    await chat.{|LLMT2001:GetChatMessageContentsAsync|}(history);
                    await chat.{|LLMT2001:GetChatMessageContentAsync|}("Hi");
                    await foreach (var content in chat.{|LLMT2001:GetStreamingChatMessageContentsAsync|}(history)) { }
                    await kernel.{|LLMT2001:InvokePromptAsync|}("Hi");
                }
            }
            """);
    }

    [Fact]
    public async Task Not_reported_for_Semantic_Kernel_when_its_own_telemetry_switch_is_set()
    {
        await VerifyCompilingAsync(Usings + """
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            public static class Startup
            {
                public static void Configure() => AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);
            }

            public class Bot
            {
                public async Task RunAsync(ChatHistory history)
                {
                    Kernel kernel = new Kernel();
                    IChatCompletionService chat = kernel.GetRequiredService<IChatCompletionService>();
                    await chat.GetChatMessageContentsAsync(history);
                    await kernel.InvokePromptAsync("Hi");
                }
            }
            """);
    }

    [Fact]
    public async Task OllamaSharp_own_api_and_its_chat_client()
    {
        await VerifyCompilingAsync(Usings + """
            using OllamaSharp;
            using OllamaSharp.Models;
            using OllamaSharp.Models.Chat;

            public class Bot
            {
                public async Task RunAsync()
                {
                    var ollama = new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2");
                    await foreach (var chunk in ollama.{|LLMT2001:ChatAsync|}(new ChatRequest())) { }
                    await foreach (var chunk in ollama.{|LLMT2001:GenerateAsync|}(new GenerateRequest { Prompt = "Hi" })) { }
                    await ollama.{|LLMT2001:EmbedAsync|}("Hi");
                    await foreach (var token in new Chat(ollama).{|LLMT2001:SendAsync|}("Hi")) { }
                    await ollama.ListLocalModelsAsync(); // not a model call

                    IChatClient chat = new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2");
                    await chat.{|LLMT2001:GetResponseAsync|}("Hi");
                    IChatClient traced = new ChatClientBuilder(ollama).UseOpenTelemetry().Build();
                    await traced.GetResponseAsync("Hi");
                }
            }
            """);
    }

    [Fact]
    public async Task Azure_OpenAI_chat_clients_are_OpenAI_chat_clients()
    {
        await VerifyCompilingAsync(Usings + """
            using Azure.AI.OpenAI;
            using OpenAI.Chat;

            public class Bot
            {
                public async Task RunAsync()
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), new System.ClientModel.ApiKeyCredential("key"));
                    ChatClient chat = azure.GetChatClient("gpt-4o-mini");
                    await chat.{|LLMT2001:CompleteChatAsync|}("Hi");
                    await foreach (var update in chat.{|LLMT2001:CompleteChatStreamingAsync|}("Hi")) { }
                }
            }
            """);
    }

    [Fact]
    public async Task LLMT2003_and_LLMT2004_implementation_methods_used_around_their_generated_body()
    {
        await Verify.VerifyAsync(Usings + """
            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question);

                private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);

                public Task<ChatResponse> Shortcut(string question) => {|LLMT2004:AskCoreAsync|}(question);

                public Func<string, Task<ChatResponse>> AsDelegate() => {|LLMT2003:AskCoreAsync|};

                public Func<string, Task<ChatResponse>> Traced() => AskAsync;
            }
            """);
    }

    [Fact]
    public async Task Wrappers_listed_in_editorconfig_are_model_calls()
    {
        await Verify.VerifyAsync(
            Usings + """
            namespace Contoso
            {
                public class Gateway
                {
                    public Task<string> SendAsync(string prompt) => Task.FromResult(prompt);
                }

                public class Bot
                {
                    public Task<string> AskAsync(string question) => new Gateway().{|LLMT2001:SendAsync|}(question);
                }
            }
            """,
            "llmtelemetry.model_call_methods = Contoso.Gateway.SendAsync");
    }

    [Fact]
    public async Task Wrappers_marked_ModelCall_are_model_calls_checked_at_their_callers()
    {
        await Verify.VerifyAsync(
            Usings + """
            namespace Contoso
            {
                public class Gateway(IChatClient chat)
                {
                    // Inside the wrapper nothing is reported: its callers are checked instead.
                    [ModelCall]
                    public async Task<string> SendAsync(string prompt) => (await chat.GetResponseAsync(prompt)).Text;

                    public Task<ChatResponse> Unmarked(string prompt) => chat.{|LLMT2002:GetResponseAsync|}(prompt);
                }

                public partial class Bot
                {
                    public Task<string> AskAsync(string question) => new Gateway(null!).{|LLMT2001:SendAsync|}(question);

                    [LlmOperation(Provider = "contoso", Model = "m")]
                    public partial Task<string> TracedAsync(string question);

                    private Task<string> TracedCoreAsync(string question) => new Gateway(null!).SendAsync(question);
                }
            }
            """);
    }

    [Fact]
    public async Task Severity_and_suppression_through_editorconfig()
    {
        await Verify.VerifyAsync(
            Usings + """
            public class Bot(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
            }
            """,
            "dotnet_diagnostic.LLMT2002.severity = none");
    }

    [Fact]
    public async Task A_compilation_without_client_libraries_or_LlmTelemetry_registers_nothing()
    {
        var analyzer = new UntracedModelCallAnalyzer();
        var compilation = GeneratorHarness.Compilation(TestReferences.Framework, "public class Plain { public int Run() => 1 + 1; }");
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        Assert.Equal(0, telemetry.OperationActionsCount);
    }
}

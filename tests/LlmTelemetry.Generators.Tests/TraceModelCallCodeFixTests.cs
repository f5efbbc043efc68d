using System.Threading.Tasks;
using LlmTelemetry.CodeFixes;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.CodeFixVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer, LlmTelemetry.CodeFixes.UntracedModelCallCodeFix>;

namespace LlmTelemetry.Generators.Tests;

public sealed class TraceModelCallCodeFixTests
{
    [Fact]
    public async Task Turns_the_method_into_an_operation_with_its_body_in_the_implementation_method()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class SupportBot(IChatClient chat)
            {
                /// <summary>Answers a question.</summary>
                public async Task<string> AnswerAsync(string question)
                {
                    ChatResponse response = await chat.{|LLMT2002:GetResponseAsync|}(question);
                    return response.Text;
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using LlmTelemetry;

            public partial class SupportBot(IChatClient chat)
            {
                /// <summary>Answers a question.</summary>
                [LlmOperation(Provider = "unknown", Model = "unknown")]
                public partial Task<string> AnswerAsync([Prompt] string question);

                private async Task<string> AnswerCoreAsync(string question)
                {
                    ChatResponse response = await chat.GetResponseAsync(question);
                    return response.Text;
                }
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }

    [Fact]
    public async Task Infers_the_provider_and_model_of_an_OpenAI_client_and_makes_every_containing_type_partial()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using OpenAI.Chat;

            namespace Contoso;

            public static class Outer
            {
                public class Direct
                {
                    private readonly ChatClient _client = new("gpt-4o", "key");

                    public Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteAsync(string prompt) =>
                        _client.{|LLMT2001:CompleteChatAsync|}(new UserChatMessage(prompt));
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using OpenAI.Chat;
            using LlmTelemetry;

            namespace Contoso;

            public static partial class Outer
            {
                public partial class Direct
                {
                    private readonly ChatClient _client = new("gpt-4o", "key");

                    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                    public partial Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteAsync([Prompt] string prompt);

                    private Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteCoreAsync(string prompt) =>
                        _client.CompleteChatAsync(new UserChatMessage(prompt));
                }
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }

    [Fact]
    public async Task Fixes_every_method_of_a_document_at_once()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class Bot(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.{|LLMT2002:GetResponseAsync|}(question);

                public Task<ChatResponse> SummarizeAsync(string text) => chat.{|LLMT2002:GetResponseAsync|}("Summarize: " + text);
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using LlmTelemetry;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "unknown", Model = "unknown")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question);

                private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);

                [LlmOperation(Provider = "unknown", Model = "unknown")]
                public partial Task<ChatResponse> SummarizeAsync([Prompt] string text);

                private Task<ChatResponse> SummarizeCoreAsync(string text) => chat.GetResponseAsync("Summarize: " + text);
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }

    [Fact]
    public async Task Offers_nothing_where_the_method_cannot_become_an_operation()
    {
        await Verify.VerifyNoFixAsync(
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public class Bot(IChatClient chat)
            {
                public async void FireAndForget(string question) => await chat.{|LLMT2002:GetResponseAsync|}(question);

                public Task<ChatResponse> AskAsync(string question) => chat.{|LLMT2002:GetResponseAsync|}(question);

                private Task<ChatResponse> AskCoreAsync(string question) => Task.FromResult(new ChatResponse());

                // Marked already, with a body: LLMT0001's fix moves it; a second [LlmOperation] would not compile.
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public Task<ChatResponse> SummarizeAsync(string text) => chat.{|LLMT2002:GetResponseAsync|}(text);
            }
            """);
    }

    [Fact]
    public async Task Reads_an_Azure_OpenAI_deployment_and_marks_the_prompt_parameter()
    {
        await Verify.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;

            public class Bot
            {
                private readonly ChatClient _chat = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), new System.ClientModel.ApiKeyCredential("key")).GetChatClient("support-gpt4o");

                public async Task<ChatCompletion> AskAsync(string question) => (await _chat.{|LLMT2001:CompleteChatAsync|}(new UserChatMessage(question))).Value;
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            using LlmTelemetry;

            public partial class Bot
            {
                private readonly ChatClient _chat = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), new System.ClientModel.ApiKeyCredential("key")).GetChatClient("support-gpt4o");

                [LlmOperation(Provider = "azure.ai.openai", Model = "support-gpt4o")]
                public partial Task<ChatCompletion> AskAsync([Prompt] string question);

                private async Task<ChatCompletion> AskCoreAsync(string question) => (await _chat.CompleteChatAsync(new UserChatMessage(question))).Value;
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }

    [Fact]
    public async Task Reads_an_Ollama_client_names_its_model_constant_and_marks_every_prompt_parameter()
    {
        await Verify.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OllamaSharp;

            public class Bot
            {
                private const string ChatModel = "llama3.2";
                private readonly IChatClient _chat = new OllamaApiClient(new Uri("http://localhost:11434"), ChatModel);

                public Task<ChatResponse> AskAsync(string topic, string question, int attempt) => _chat.{|LLMT2001:GetResponseAsync|}($"About {topic} (try {attempt}): {question}");
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OllamaSharp;
            using LlmTelemetry;

            public partial class Bot
            {
                private const string ChatModel = "llama3.2";
                private readonly IChatClient _chat = new OllamaApiClient(new Uri("http://localhost:11434"), ChatModel);

                [LlmOperation(Provider = "ollama", Model = ChatModel)]
                public partial Task<ChatResponse> AskAsync([Prompt] string topic, [Prompt] string question, int attempt);

                private Task<ChatResponse> AskCoreAsync(string topic, string question, int attempt) => _chat.GetResponseAsync($"About {topic} (try {attempt}): {question}");
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }

    [Fact]
    public async Task Request_options_carry_the_model_and_a_model_parameter_becomes_Model()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class Bot(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question, ChatOptions options) => chat.{|LLMT2002:GetResponseAsync|}(question, options);

                public Task<ChatResponse> AskModelAsync(string model, string question)
                {
                    var options = new ChatOptions { ModelId = model };
                    return chat.{|LLMT2002:GetResponseAsync|}(question, options);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using LlmTelemetry;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "unknown")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question, ChatOptions options);

                private Task<ChatResponse> AskCoreAsync(string question, ChatOptions options) => chat.GetResponseAsync(question, options);

                [LlmOperation(Provider = "unknown")]
                public partial Task<ChatResponse> AskModelAsync([Model] string model, [Prompt] string question);

                private Task<ChatResponse> AskModelCoreAsync(string model, string question)
                {
                    var options = new ChatOptions { ModelId = model };
                    return chat.GetResponseAsync(question, options);
                }
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }

    [Fact]
    public async Task An_embedding_call_becomes_an_embeddings_operation_without_a_prompt()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class Indexer(IEmbeddingGenerator<string, Embedding<float>> generator)
            {
                public Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(string text) => generator.{|LLMT2002:GenerateAsync|}([text]);
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using LlmTelemetry;

            public partial class Indexer(IEmbeddingGenerator<string, Embedding<float>> generator)
            {
                [LlmOperation("embeddings", Provider = "unknown", Model = "unknown")]
                public partial Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(string text);

                private Task<GeneratedEmbeddings<Embedding<float>>> EmbedCoreAsync(string text) => generator.GenerateAsync([text]);
            }
            """, equivalenceKey: UntracedModelCallCodeFix.TraceTitle);
    }
}

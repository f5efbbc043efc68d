using System.Threading.Tasks;
using LlmTelemetry.CodeFixes;
using LlmTelemetry.Generators.Analyzers;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.CodeFixVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer, LlmTelemetry.CodeFixes.TraceModelCallCodeFix>;

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
                [LlmOperation]
                public partial Task<string> AnswerAsync(string question);

                private async Task<string> AnswerCoreAsync(string question)
                {
                    ChatResponse response = await chat.GetResponseAsync(question);
                    return response.Text;
                }
            }
            """);
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
                    public partial Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteAsync(string prompt);

                    private Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteCoreAsync(string prompt) =>
                        _client.CompleteChatAsync(new UserChatMessage(prompt));
                }
            }
            """);
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
                [LlmOperation]
                public partial Task<ChatResponse> AskAsync(string question);

                private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);

                [LlmOperation]
                public partial Task<ChatResponse> SummarizeAsync(string text);

                private Task<ChatResponse> SummarizeCoreAsync(string text) => chat.GetResponseAsync("Summarize: " + text);
            }
            """);
    }

    [Fact]
    public async Task Offers_nothing_where_the_method_cannot_become_an_operation()
    {
        await Verify.VerifyNoFixAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class Bot(IChatClient chat)
            {
                public async void FireAndForget(string question) => await chat.{|LLMT2002:GetResponseAsync|}(question);

                public Task<ChatResponse> AskAsync(string question) => chat.{|LLMT2002:GetResponseAsync|}(question);

                private Task<ChatResponse> AskCoreAsync(string question) => Task.FromResult(new ChatResponse());
            }
            """);
    }
}

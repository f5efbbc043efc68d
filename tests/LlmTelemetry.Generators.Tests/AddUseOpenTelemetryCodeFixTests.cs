using System.Threading.Tasks;
using LlmTelemetry.CodeFixes;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.CodeFixVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer, LlmTelemetry.CodeFixes.UntracedModelCallCodeFix>;

namespace LlmTelemetry.Generators.Tests;

public sealed class AddUseOpenTelemetryCodeFixTests
{
    [Fact]
    public async Task Adds_UseOpenTelemetry_to_a_pipeline_built_in_view()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class Bot
            {
                private readonly IChatClient _chat;

                public Bot(IChatClient inner) => _chat = new ChatClientBuilder(inner).UseLogging().Build();

                public Task<ChatResponse> AskAsync(string question) => _chat.{|LLMT2001:GetResponseAsync|}(question);

                public Task<ChatResponse> LocalAsync(IChatClient inner, string question)
                {
                    var local = new ChatClientBuilder(inner).Build();
                    return local.{|LLMT2001:GetResponseAsync|}(question);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class Bot
            {
                private readonly IChatClient _chat;

                public Bot(IChatClient inner) => _chat = new ChatClientBuilder(inner).UseLogging().UseOpenTelemetry().Build();

                public Task<ChatResponse> AskAsync(string question) => _chat.GetResponseAsync(question);

                public Task<ChatResponse> LocalAsync(IChatClient inner, string question)
                {
                    var local = new ChatClientBuilder(inner).UseOpenTelemetry().Build();
                    return local.GetResponseAsync(question);
                }
            }
            """, equivalenceKey: UntracedModelCallCodeFix.UseOpenTelemetryTitle);
    }

    [Fact]
    public async Task Offers_nothing_for_a_client_built_elsewhere()
    {
        await Verify.VerifyNoFixAsync(
            """
            using System.Threading.Tasks;
            using OpenAI.Chat;

            public class Direct
            {
                public Task RunAsync() => new ChatClient("gpt-4o", "key").{|LLMT2001:CompleteChatAsync|}(new UserChatMessage("hi"));
            }
            """, UntracedModelCallCodeFix.UseOpenTelemetryTitle);
    }

    [Fact]
    public async Task Fix_All_traces_the_calls_it_cannot_give_UseOpenTelemetry_with_LlmOperation()
    {
        const string Source = """
            using System.ClientModel;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;

            public class Bot
            {
                private readonly IChatClient _chat;

                public Bot(IChatClient inner) => _chat = new ChatClientBuilder(inner).Build();

                public Task<ChatResponse> AskAsync(string question) => _chat.{|LLMT2001:GetResponseAsync|}(question);
            }

            public class Direct
            {
                private readonly ChatClient _client = new("gpt-4o", "key");

                public Task<ClientResult<ChatCompletion>> CompleteAsync(string prompt) => _client.{|LLMT2001:CompleteChatAsync|}(new UserChatMessage(prompt));
            }
            """;

        await Verify.VerifyFixAllAsync(
            Source,
            Source.Replace("new ChatClientBuilder(inner).Build()", "new ChatClientBuilder(inner).UseOpenTelemetry().Build()").Replace("{|LLMT2001:GetResponseAsync|}", "GetResponseAsync"),
            """
            using System.ClientModel;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;
            using LlmTelemetry;

            public class Bot
            {
                private readonly IChatClient _chat;

                public Bot(IChatClient inner) => _chat = new ChatClientBuilder(inner).UseOpenTelemetry().Build();

                public Task<ChatResponse> AskAsync(string question) => _chat.GetResponseAsync(question);
            }

            public partial class Direct
            {
                private readonly ChatClient _client = new("gpt-4o", "key");

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ClientResult<ChatCompletion>> CompleteAsync([Prompt] string prompt);

                private Task<ClientResult<ChatCompletion>> CompleteCoreAsync(string prompt) => _client.CompleteChatAsync(new UserChatMessage(prompt));
            }
            """,
            UntracedModelCallCodeFix.UseOpenTelemetryTitle);
    }
}

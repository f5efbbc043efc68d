using System.Threading.Tasks;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.CodeFixVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer, LlmTelemetry.CodeFixes.AddUseOpenTelemetryCodeFix>;

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
            """);
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
            """);
    }
}

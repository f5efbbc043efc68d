using System.Threading.Tasks;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.CodeFixVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer, LlmTelemetry.CodeFixes.CallOperationCodeFix>;

namespace LlmTelemetry.Generators.Tests;

/// <summary>An implementation method called directly (LLMT2004) or taken as a delegate (LLMT2003): the operation is named instead.</summary>
public sealed class CallOperationCodeFixTests
{
    [Fact]
    public async Task Calls_the_operation_with_its_parameter_names()
    {
        await Verify.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ChatResponse> AskAsync(string question);

                private Task<ChatResponse> AskCoreAsync(string prompt) => chat.GetResponseAsync(prompt);

                public Task<ChatResponse> QuickAsync(string q) => {|LLMT2004:AskCoreAsync|}(q);

                public Task<ChatResponse> NamedAsync(Bot other, string q) => other.{|LLMT2004:AskCoreAsync|}(prompt: q);

                public Func<string, Task<ChatResponse>> Handler => {|LLMT2003:AskCoreAsync|};
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ChatResponse> AskAsync(string question);

                private Task<ChatResponse> AskCoreAsync(string prompt) => chat.GetResponseAsync(prompt);

                public Task<ChatResponse> QuickAsync(string q) => AskAsync(q);

                public Task<ChatResponse> NamedAsync(Bot other, string q) => other.AskAsync(question: q);

                public Func<string, Task<ChatResponse>> Handler => AskAsync;
            }
            """);
    }

    [Fact]
    public async Task Calls_a_generic_static_operation_with_its_type_arguments()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public static partial class Prompts
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public static partial Task<ChatResponse> AskAsync<TClient>(TClient client, string question) where TClient : IChatClient;

                private static Task<ChatResponse> AskCoreAsync<TClient>(TClient client, string question) where TClient : IChatClient => client.GetResponseAsync(question);

                public static Task<ChatResponse> RunAsync(IChatClient client) => Prompts.{|LLMT2004:AskCoreAsync<IChatClient>|}(client, "hi");
            }
            """,
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public static partial class Prompts
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public static partial Task<ChatResponse> AskAsync<TClient>(TClient client, string question) where TClient : IChatClient;

                private static Task<ChatResponse> AskCoreAsync<TClient>(TClient client, string question) where TClient : IChatClient => client.GetResponseAsync(question);

                public static Task<ChatResponse> RunAsync(IChatClient client) => Prompts.AskAsync<IChatClient>(client, "hi");
            }
            """);
    }
}

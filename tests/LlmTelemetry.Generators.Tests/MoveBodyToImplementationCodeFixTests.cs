using System.Threading.Tasks;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.CodeFixVerifier<LlmTelemetry.Generators.Analyzers.LlmOperationUsageAnalyzer, LlmTelemetry.CodeFixes.MoveBodyToImplementationCodeFix>;

namespace LlmTelemetry.Generators.Tests;

/// <summary>[LlmOperation] on a method that has a body (LLMT0001 with LLMT0003): the body moves to the implementation method.</summary>
public sealed class MoveBodyToImplementationCodeFixTests
{
    [Fact]
    public async Task Moves_an_async_body_keeping_docs_and_prompt_on_the_operation_and_makes_the_types_partial()
    {
        await Verify.VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            namespace Contoso;

            public class Outer
            {
                public sealed class SupportBot(IChatClient chat)
                {
                    /// <summary>Answers a question.</summary>
                    /// <param name="question">The user's question.</param>
                    [{|LLMT0003:LlmOperation(Provider = "openai", Model = "gpt-4o-mini")|}]
                    public async Task<ChatResponse> {|LLMT0001:AnswerAsync|}([Prompt] string question, CancellationToken cancellationToken = default)
                    {
                        ChatResponse response = await chat.GetResponseAsync(question, cancellationToken: cancellationToken);
                        return response;
                    }
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            namespace Contoso;

            public partial class Outer
            {
                public sealed partial class SupportBot(IChatClient chat)
                {
                    /// <summary>Answers a question.</summary>
                    /// <param name="question">The user's question.</param>
                    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                    public partial Task<ChatResponse> AnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

                    private async Task<ChatResponse> AnswerCoreAsync(string question, CancellationToken cancellationToken = default)
                    {
                        ChatResponse response = await chat.GetResponseAsync(question, cancellationToken: cancellationToken);
                        return response;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Moves_a_static_generic_expression_body_to_the_named_implementation_with_its_body_attributes()
    {
        await Verify.VerifyAsync(
            """
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public static class Prompts
            {
                [MethodImpl(MethodImplOptions.NoInlining)]
                [LlmOperation(Provider = "openai", Model = "gpt-4o", {|LLMT0003:Implementation = "Send"|})]
                public static Task<ChatResponse> {|LLMT0001:AskAsync|}<TClient>(this TClient client, string question) where TClient : IChatClient =>
                    client.GetResponseAsync(question);
            }
            """,
            """
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public static partial class Prompts
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o", Implementation = "Send")]
                public static partial Task<ChatResponse> AskAsync<TClient>(this TClient client, string question) where TClient : IChatClient;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static Task<ChatResponse> Send<TClient>(TClient client, string question) where TClient : IChatClient =>
                    client.GetResponseAsync(question);
            }
            """);
    }

    [Fact]
    public async Task An_async_iterator_keeps_EnumeratorCancellation_on_the_implementation_only()
    {
        await Verify.VerifyAsync(
            """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public partial class Streamer(IChatClient chat)
            {
                [{|LLMT0003:LlmOperation(Provider = "openai", Model = "gpt-4o")|}]
                public async IAsyncEnumerable<ChatResponseUpdate> {|LLMT0001:StreamAsync|}(string question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(question, cancellationToken: cancellationToken))
                    {
                        yield return update;
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public partial class Streamer(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync(string question, CancellationToken cancellationToken = default);

                private async IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(string question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(question, cancellationToken: cancellationToken))
                    {
                        yield return update;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Offers_nothing_where_the_implementation_name_is_taken()
    {
        await Verify.VerifyNoFixAsync(
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public Task<ChatResponse> {|LLMT0001:AskAsync|}(string question) => chat.GetResponseAsync(question);

                private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);
            }
            """);
    }
}

using System.Linq;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// The generated body calls the implementation method only when its signature binds to the declaration's, however either
/// is written: a textual match in the same type declaration is taken without binding, anything else is checked by symbol.
/// </summary>
public sealed class ImplementationMatchingTests
{
    private const string Header = """
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;

        namespace Contoso.Matching;

        """;

    [Theory]
    [InlineData("public partial Task<ChatResponse> AskAsync([Prompt] string question);", "private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);")]
    [InlineData("public partial Task<ChatResponse> AskAsync([Prompt] string question);", "private Task<ChatResponse> AskCoreAsync(System.String question) => chat.GetResponseAsync(question);")]
    [InlineData("public partial Task<ChatResponse> AskAsync([Prompt] string question);", "private Task<ChatResponse> AskCoreAsync(string? question) => chat.GetResponseAsync(question ?? \"\");")]
    [InlineData("public partial Task<ChatResponse> AskAsync<T>([Prompt] string question, T state);", "private Task<ChatResponse> AskCoreAsync<TState>(string question, TState state) => chat.GetResponseAsync(question);")]
    [InlineData("public partial Task<ChatResponse> AskAsync([Prompt] string question, in int attempt);", "private Task<ChatResponse> AskCoreAsync(string question, in int attempt) => chat.GetResponseAsync(question);")]
    public void An_implementation_whose_signature_binds_alike_is_called(string declaration, string implementation)
    {
        GeneratorResult result = GeneratorHarness.Run(Header + $$"""
            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                {{declaration}}

                {{implementation}}
            }
            """);

        Assert.Contains("AskCoreAsync", Assert.Single(result.Sources, static s => s.HintName.Contains("Bot")).SourceText.ToString());
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void An_implementation_in_another_declaration_of_the_type_is_called()
    {
        GeneratorResult result = GeneratorHarness.Run(
            Header + """
                public partial class Bot
                {
                    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                    public partial Task<ChatResponse> AskAsync([Prompt] string question);
                }
                """,
            Header + """
                public partial class Bot(IChatClient chat)
                {
                    private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);
                }
                """);

        Assert.Contains("AskCoreAsync", Assert.Single(result.Sources, static s => s.HintName.Contains("Bot")).SourceText.ToString());
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void The_same_text_naming_another_type_in_another_declaration_is_not_taken_for_a_match()
    {
        const string Replies = """
            namespace Contoso.First { public sealed class Reply { } }
            namespace Contoso.Second { public sealed class Reply { } }
            """;
        GeneratorResult result = GeneratorHarness.Run(
            Replies,
            "using Reply = Contoso.First.Reply;\n" + Header + """
                public partial class Bot
                {
                    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                    public partial Reply Ask([Prompt] string question);
                }
                """,
            "using Reply = Contoso.Second.Reply;\n" + Header + """
                public partial class Bot
                {
                    private Reply AskCore(string question) => new();
                }
                """);

        Assert.DoesNotContain(result.Sources, static s => s.SourceText.ToString().Contains("AskCore("));
    }

    [Theory]
    [InlineData("private Task<ChatResponse> AskCoreAsync(ref string question) => chat.GetResponseAsync(question);")]
    [InlineData("private Task<ChatResponse> AskCoreAsync(object question) => chat.GetResponseAsync(question.ToString()!);")]
    [InlineData("private Task<ChatResponse> AskCoreAsync(string question, int extra) => chat.GetResponseAsync(question);")]
    [InlineData("private ValueTask<ChatResponse> AskCoreAsync(string question) => new(chat.GetResponseAsync(question));")]
    public void An_implementation_with_another_signature_gets_no_call(string implementation)
    {
        GeneratorResult result = GeneratorHarness.Run(Header + $$"""
            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question);

                {{implementation}}
            }
            """);

        Assert.DoesNotContain(result.Sources, static s => s.SourceText.ToString().Contains("AskCoreAsync("));
    }
}

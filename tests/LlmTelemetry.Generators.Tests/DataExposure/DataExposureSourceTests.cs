using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>Where prompt and completion text comes from.</summary>
public sealed class DataExposureSourceTests
{
    private static DiagnosticResult Expect(int location, string source, string sink = "LogInformation") =>
        Verify.Diagnostic("LLMT1001").WithLocation(location).WithArguments(source, sink).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task Prompt_parameters_members_and_return_values()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Ticket
            {
                [Prompt] public string Body { get; set; } = "";
                public string Title { get; set; } = "";
            }

            public class Desk(ILogger<Desk> logger)
            {
                public void Open([Prompt] string question, Ticket ticket)
                {
                    logger.LogInformation({|#0:question|});
                    logger.LogInformation({|#1:ticket.Body|});
                    logger.LogInformation({|#2:BuildPrompt(ticket)|});
                    logger.LogInformation(ticket.Title);
                }

                [return: Prompt]
                private static string BuildPrompt(Ticket ticket) => "Summarize: " + ticket.Title;
            }
            """,
            Expect(0, "The prompt parameter 'question'"),
            Expect(1, "The prompt data 'ticket.Body'"),
            Expect(2, "The prompt data 'BuildPrompt(ticket)'"));
    }

    [Fact]
    public async Task Classified_parameters_and_chat_messages_as_a_whole()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

            public class Desk(ILogger<Desk> logger)
            {
                public void Open([PrivateData] string email, ChatMessage message, IList<ChatMessage> history, string ticketId)
                {
                    logger.LogInformation({|#0:email|});
                    logger.LogInformation("{Message}", {|#1:message|});
                    logger.LogInformation("{History}", {|#2:history|});
                    logger.LogInformation("{Role} {Count} {Id}", message.Role, history.Count, ticketId);
                }
            }
            """,
            Expect(0, "The classified parameter 'email' ([PrivateData])"),
            Expect(1, "The chat content parameter 'message'"),
            Expect(2, "The chat content parameter 'history'"));
    }

    [Fact]
    public async Task OpenAI_completions_and_LlmOperation_results()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            using OpenAI.Chat;

            public partial class Bot(ChatClient openAI, ILogger<Bot> logger)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                public partial Task<string> AskAsync([Prompt] string question);

                private Task<string> AskCoreAsync(string question) => Task.FromResult(question);

                public async Task RunAsync()
                {
                    ChatCompletion completion = (await openAI.CompleteChatAsync([new UserChatMessage("hi")])).Value;
                    logger.LogInformation({|#0:completion.Content[0].Text|});
                    string answer = await AskAsync("What is the refund policy?");
                    logger.LogInformation({|#1:answer|});
                    logger.LogInformation("Finish {Reason}, tokens {Tokens}", completion.FinishReason, completion.Usage.OutputTokenCount);
                }
            }
            """,
            Expect(0, "The chat message text 'completion.Content[0].Text'"),
            Expect(1, "The result of [LlmOperation] method 'AskAsync'"));
    }

    [Fact]
    public async Task Implementation_parameters_of_a_Prompt_operation_parameter_are_prompts()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public partial class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question);

                private Task<ChatResponse> AskCoreAsync(string question)
                {
                    logger.LogInformation({|#0:question|});
                    return chat.GetResponseAsync("fixed");
                }
            }
            """,
            Expect(0, "The prompt parameter 'question'"));
    }

    [Fact]
    public async Task Semantic_Kernel_chat_content_by_metadata_name()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            namespace Microsoft.SemanticKernel
            {
                public class KernelContent { }
                public class ChatMessageContent : KernelContent { public string? Content { get; set; } public string? ModelId { get; set; } }
            }

            public class Bot(ILogger<Bot> logger)
            {
                public void Show(Microsoft.SemanticKernel.ChatMessageContent reply)
                {
                    logger.LogInformation({|#0:reply.Content|});
                    logger.LogInformation(reply.ModelId);
                }
            }
            """,
            Expect(0, "The chat message text 'reply.Content'"));
    }
}

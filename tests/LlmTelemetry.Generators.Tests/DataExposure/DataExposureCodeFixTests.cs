using System.Threading.Tasks;
using LlmTelemetry.CodeFixes;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>The LLMT1001–LLMT1005 code fixes, each with two diagnostics so that Fix All runs too.</summary>
public sealed class DataExposureCodeFixTests
{
    private const string Before = DataExposureFlowTests.Usings + """
        public class Bot(IChatClient chat, ILogger<Bot> logger)
        {
            public async Task AskAsync()
            {
                var response = await chat.GetResponseAsync("hi");
                logger.LogInformation("Answer: {Answer}", {|LLMT1001:response.Text|});
                Debug.WriteLine({|LLMT1002:$"Answer: {response.Text}"|});
            }
        }
        """;

    [Fact]
    public async Task Redact_with_LlmContent_wraps_only_the_part_that_carries_the_text()
    {
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(Before, DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    logger.LogInformation("Answer: {Answer}", LlmContent.Redact(response.Text));
                    Debug.WriteLine($"Answer: {LlmContent.Redact(response.Text)}");
                }
            }
            """, equivalenceKey: RedactExposedTextCodeFix.RedactWithLlmContentKey);
    }

    [Fact]
    public async Task Write_its_length_instead()
    {
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(Before, DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    logger.LogInformation("Answer: {Answer}", response.Text.Length);
                    Debug.WriteLine($"Answer: {response.Text.Length}");
                }
            }
            """, equivalenceKey: RedactExposedTextCodeFix.LengthKey);
    }

    [Fact]
    public async Task Write_a_fingerprint_instead()
    {
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(Before, DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    logger.LogInformation("Answer: {Answer}", LlmContent.Fingerprint(response.Text));
                    Debug.WriteLine($"Answer: {LlmContent.Fingerprint(response.Text)}");
                }
            }
            """, equivalenceKey: RedactExposedTextCodeFix.FingerprintKey);
    }

    [Fact]
    public async Task Write_the_output_token_count_of_the_response_the_completion_came_from()
    {
        const string Fixed = DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    logger.LogInformation("Answer: {Answer}", response.Usage?.OutputTokenCount);
                    Debug.WriteLine($"Answer: {response.Usage?.OutputTokenCount}");
                }
            }
            """;
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(Before, Fixed, equivalenceKey: RedactExposedTextCodeFix.TokenCountKey);
        MarkupCompilation.AssertCompiles(Fixed);
    }

    [Fact]
    public async Task Write_the_output_token_count_for_a_local_the_completion_was_stored_in()
    {
        const string Fixed = DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    ChatResponse response = await chat.GetResponseAsync(question);
                    string answer = response.Messages[0].Text;
                    logger.LogInformation("Answer: {Answer}", response.Usage?.OutputTokenCount);
                    Debug.WriteLine("Answer: " + response.Usage?.OutputTokenCount);
                }
            }
            """;
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    ChatResponse response = await chat.GetResponseAsync(question);
                    string answer = response.Messages[0].Text;
                    logger.LogInformation("Answer: {Answer}", {|LLMT1001:answer|});
                    Debug.WriteLine({|LLMT1002:"Answer: " + answer|});
                }
            }
            """, Fixed, equivalenceKey: RedactExposedTextCodeFix.TokenCountKey);
        MarkupCompilation.AssertCompiles(Fixed);
    }

    [Fact]
    public async Task Write_the_input_token_count_of_the_call_a_prompt_was_sent_in()
    {
        const string Fixed = DataExposureFlowTests.Usings + """
            using OpenAI.Chat;

            public class Bot(IChatClient chat, ChatClient openAI, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question, string followUp)
                {
                    var response = await chat.GetResponseAsync(question).ConfigureAwait(false);
                    logger.LogInformation("Asked {Question}", response.Usage?.InputTokenCount);
                    var result = await openAI.CompleteChatAsync([new UserChatMessage(followUp)]);
                    logger.LogInformation("Then asked {FollowUp}", result.Value.Usage?.InputTokenCount);
                }
            }
            """;
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(DataExposureFlowTests.Usings + """
            using OpenAI.Chat;

            public class Bot(IChatClient chat, ChatClient openAI, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question, string followUp)
                {
                    var response = await chat.GetResponseAsync(question).ConfigureAwait(false);
                    logger.LogInformation("Asked {Question}", {|LLMT1001:question|});
                    var result = await openAI.CompleteChatAsync([new UserChatMessage(followUp)]);
                    logger.LogInformation("Then asked {FollowUp}", {|LLMT1001:followUp|});
                }
            }
            """, Fixed, equivalenceKey: RedactExposedTextCodeFix.TokenCountKey);
        MarkupCompilation.AssertCompiles(Fixed);
    }

    [Fact]
    public async Task Write_the_token_count_member_of_an_LlmOperation_result()
    {
        const string Source = DataExposureFlowTests.Usings + """
            public sealed record Answer(string Text, [property: OutputTokens] int Tokens);

            public partial class Bot(ILogger<Bot> logger)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<Answer> AnswerAsync([Prompt] string question);

                private Task<Answer> AnswerCoreAsync(string question) => Task.FromResult(new Answer("42", 1));

                public async Task RunAsync()
                {
                    Answer answer = await AnswerAsync("hi");
                    logger.LogInformation("Answer: {Answer}", {|LLMT1001:answer.Text|});
                }
            }
            """;
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(
            Source, Source.Replace("{|LLMT1001:answer.Text|}", "answer.Tokens"), equivalenceKey: RedactExposedTextCodeFix.TokenCountKey);
    }

    [Fact]
    public async Task No_token_count_for_a_prompt_logged_before_it_is_sent_or_after_the_response_was_replaced()
    {
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyNoFixAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    logger.LogInformation("Asking {Question}", {|LLMT1001:question|});
                    var response = await chat.GetResponseAsync(question);
                    string answer = response.Text;
                    response = await chat.GetResponseAsync("again");
                    logger.LogInformation("Answer: {Answer}", {|LLMT1001:answer|});
                }
            }
            """, RedactExposedTextCodeFix.TokenCountKey);
    }

    [Fact]
    public async Task No_number_where_only_text_compiles()
    {
        // An exception's constructor and a [LoggerMessage] method's string parameter take no number: neither the
        // length nor the token count is offered there (the redaction and fingerprint fixes are).
        const string Source = DataExposureFlowTests.Usings + """
            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Answered {Answer}")]
                public static partial void Answered(ILogger logger, string answer);
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    Log.Answered(logger, {|LLMT1001:response.Text|});
                    throw new InvalidOperationException({|LLMT1004:response.Text|});
                }
            }
            """;
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyNoFixAsync(Source, RedactExposedTextCodeFix.LengthKey);
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyNoFixAsync(Source, RedactExposedTextCodeFix.TokenCountKey);
    }

    [Fact]
    public async Task Redact_with_the_Redactor_the_type_holds()
    {
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Redaction;

            public class Bot(IChatClient chat, ILogger<Bot> logger, Redactor redactor)
            {
                public async Task AskAsync(string question)
                {
                    logger.LogInformation("Asking {Question}", {|LLMT1001:question|});
                    var response = await chat.GetResponseAsync(question);
                    throw new InvalidOperationException({|LLMT1004:response.Text|});
                }
            }
            """, DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Redaction;

            public class Bot(IChatClient chat, ILogger<Bot> logger, Redactor redactor)
            {
                public async Task AskAsync(string question)
                {
                    logger.LogInformation("Asking {Question}", redactor.Redact(question));
                    var response = await chat.GetResponseAsync(question);
                    throw new InvalidOperationException(redactor.Redact(response.Text));
                }
            }
            """, equivalenceKey: RedactExposedTextCodeFix.RedactWithMemberKey);
    }

    [Fact]
    public async Task Classify_LoggerMessage_parameters()
    {
        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyAsync(DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Asked {Question}")]
                public static partial void Asked(ILogger logger, string question);

                [LoggerMessage(2, LogLevel.Information, "Answered {Answer}")]
                public static partial void Answered(ILogger logger, string answer);
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    Log.Asked(logger, {|LLMT1001:question|});
                    var response = await chat.GetResponseAsync(question);
                    Log.Answered(logger, {|LLMT1001:response.Text|});
                }
            }
            """, DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Asked {Question}")]
                public static partial void Asked(ILogger logger, [PrivateData] string question);

                [LoggerMessage(2, LogLevel.Information, "Answered {Answer}")]
                public static partial void Answered(ILogger logger, [PrivateData] string answer);
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    Log.Asked(logger, question);
                    var response = await chat.GetResponseAsync(question);
                    Log.Answered(logger, response.Text);
                }
            }
            """, equivalenceKey: LoggerMessageClassification.KeyPrefix + "PrivateDataAttribute");
    }

    [Fact]
    public async Task Fix_All_redacts_what_it_cannot_classify()
    {
        const string Source = DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Classification;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Asked {Question}")]
                public static partial void Asked(ILogger logger, string question);
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    Log.Asked(logger, {|LLMT1001:question|});
                    var response = await chat.GetResponseAsync(question);
                    logger.LogInformation("Answer: {Answer}", {|LLMT1001:response.Text|});
                }
            }
            """;

        await CodeFixVerifier<DataExposureAnalyzer, RedactExposedTextCodeFix>.VerifyFixAllAsync(
            Source,
            Source.Replace("string question);", "[PrivateData] string question);").Replace("{|LLMT1001:question|}", "question"),
            Source.Replace("string question);", "[PrivateData] string question);").Replace("{|LLMT1001:question|}", "question")
                .Replace("{|LLMT1001:response.Text|}", "LlmContent.Redact(response.Text)"),
            LoggerMessageClassification.KeyPrefix + "PrivateDataAttribute");
    }

    [Fact]
    public async Task Turn_raw_content_capture_off()
    {
        await CodeFixVerifier<RawContentCaptureAnalyzer, TurnOffRawContentCaptureCodeFix>.VerifyAsync(DataExposureFlowTests.Usings + """
            public static class Setup
            {
                public static IChatClient Build(IChatClient inner, LlmTelemetryOptions options)
                {
                    {|LLMT1005:options.CaptureMessageContent = true|};
                    {|LLMT1005:Environment.SetEnvironmentVariable("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")|};
                    return new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => {|LLMT1005:c.EnableSensitiveData = true|}).Build();
                }
            }
            """, DataExposureFlowTests.Usings + """
            public static class Setup
            {
                public static IChatClient Build(IChatClient inner, LlmTelemetryOptions options)
                {
                    options.CaptureMessageContent = false;
                    Environment.SetEnvironmentVariable("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "false");
                    return new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => c.EnableSensitiveData = false).Build();
                }
            }
            """);
    }
}

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
                Console.WriteLine({|LLMT1002:$"Answer: {response.Text}"|});
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
                    Console.WriteLine($"Answer: {LlmContent.Redact(response.Text)}");
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
                    Console.WriteLine($"Answer: {response.Text.Length}");
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
                    Console.WriteLine($"Answer: {LlmContent.Fingerprint(response.Text)}");
                }
            }
            """, equivalenceKey: RedactExposedTextCodeFix.FingerprintKey);
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
        await CodeFixVerifier<DataExposureAnalyzer, ClassifyLoggerMessageParameterCodeFix>.VerifyAsync(DataExposureFlowTests.Usings + """
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
            """);
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

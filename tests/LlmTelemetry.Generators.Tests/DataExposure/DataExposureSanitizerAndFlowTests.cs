using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>What carries text along (and what drops it), and what redacts it.</summary>
public sealed class DataExposureSanitizerAndFlowTests
{
    private const string Answer = "The completion text 'response.Text'";

    private static DiagnosticResult Expect(int location, string source = Answer, string sink = "LogInformation") =>
        Verify.Diagnostic("LLMT1001").WithLocation(location).WithArguments(source, sink).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task Redactors_hashes_and_classified_LoggerMessage_parameters_are_safe()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            using System.Security.Cryptography;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Compliance.Redaction;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Answer {Answer}")]
                public static partial void Answer(ILogger logger, [PrivateData] string answer);
            }

            public static class Scrubber
            {
                [Redactor]
                public static string Scrub(string text) => new string('*', text.Length);
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger, Redactor redactor)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    logger.LogInformation(redactor.Redact(response.Text));
                    logger.LogInformation(LlmContent.Redact(response.Text));
                    logger.LogInformation(Scrubber.Scrub(response.Text));
                    logger.LogInformation(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(response.Text))));
                    Log.Answer(logger, response.Text);
                }
            }
            """);
    }

    [Fact]
    public async Task Substring_Replace_and_log_level_checks_are_not_redaction()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.LogInformation({|#0:response.Text.Substring(0, 10)|});
                        logger.LogInformation({|#1:response.Text.Replace("secret", "***")|});
                    }
                }
            }
            """,
            Expect(0),
            Expect(1));
    }

    [Fact]
    public async Task Format_join_concat_collections_records_anonymous_objects_and_json()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            using System.Text.Json;

            public record Exchange(string Question, string Answer);

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string ticketId)
                {
                    var response = await chat.GetResponseAsync("hi");
                    string text = response.Text;
                    logger.LogInformation({|#0:string.Format("A: {0}", text)|});
                    logger.LogInformation({|#1:string.Join(", ", new[] { ticketId, text })|});
                    logger.LogInformation({|#2:string.Concat("A: ", text)|});
                    var lines = new List<string> { ticketId, text };
                    logger.LogInformation("{Lines}", {|#3:lines|});
                    var others = new List<string>();
                    others.Add(text);
                    logger.LogInformation("{Lines}", {|#4:others|});
                    var exchange = new Exchange("q", text);
                    logger.LogInformation({|#5:exchange.ToString()|});
                    logger.LogInformation({|#6:JsonSerializer.Serialize(new { Ticket = ticketId, Text = text })|});
                    logger.LogInformation("{Ticket} {Count} {At}", ticketId, lines.Count, DateTime.UtcNow);
                }
            }
            """,
            Expect(0), Expect(1), Expect(2), Expect(3), Expect(4), Expect(5), Expect(6));
    }

    [Fact]
    public async Task Lambdas_and_local_functions()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    string text = response.Text;
                    Action write = () => logger.LogInformation({|#0:text|});
                    write();
                    Print(text);
                    logger.LogInformation({|#2:Decorate(text)|});
                    logger.LogInformation(Decorate("constant"));

                    void Print(string value) => logger.LogInformation({|#1:value|});
                    static string Decorate(string value) => "[" + value + "]";
                }
            }
            """,
            Expect(0), Expect(1), Expect(2));
    }

    [Fact]
    public async Task Branches_join_and_a_loop_carries_text_around()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(bool verbose, string[] questions)
                {
                    string note = "none";
                    string last = "";
                    foreach (string question in questions)
                    {
                        logger.LogInformation({|#0:last|});
                        var response = await chat.GetResponseAsync(question);
                        last = response.Text;
                    }

                    if (verbose)
                    {
                        note = last;
                    }

                    logger.LogInformation({|#1:note|});
                    logger.LogInformation(verbose ? "verbose" : "quiet");
                }
            }
            """,
            Expect(0), Expect(1));
    }
}

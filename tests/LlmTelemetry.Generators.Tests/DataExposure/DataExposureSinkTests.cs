using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>LLMT1001–LLMT1004: each place text must not reach, and what is not one.</summary>
public sealed class DataExposureSinkTests
{
    private static DiagnosticResult Expect(string id, int location, string source, string sink) =>
        Verify.Diagnostic(id).WithLocation(location).WithArguments(source, sink).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private const string Answer = "The completion text 'response.Text'";

    [Fact]
    public async Task Microsoft_Extensions_Logging_calls_scopes_and_LoggerMessage()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Answer {Answer}")]
                public static partial void Answer(ILogger logger, string answer);

                public static readonly Action<ILogger, string, Exception?> Defined = LoggerMessage.Define<string>(LogLevel.Information, new EventId(2), "Answer {Answer}");
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    logger.Log(LogLevel.Warning, new EventId(3), {|#0:response.Text|}, null, (s, e) => s);
                    using (logger.BeginScope({|#1:response.Text|}))
                    {
                        Log.Answer(logger, {|#2:response.Text|});
                        Log.Defined(logger, {|#3:response.Text|}, null);
                        logger.LogError(new InvalidOperationException("failed"), "Failed after {Answer}", {|#4:response.Text|});
                    }
                }
            }
            """,
            Expect("LLMT1001", 0, Answer, "ILogger.Log"),
            Expect("LLMT1001", 1, Answer, "ILogger.BeginScope"),
            Expect("LLMT1001", 2, Answer, "Answer"),
            Expect("LLMT1001", 3, Answer, "Log.Defined"),
            Expect("LLMT1001", 4, Answer, "LogError"));
    }

    [Fact]
    public async Task Serilog_NLog_and_log4net_against_the_real_libraries()
    {
        string source = DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, Serilog.ILogger serilog, NLog.Logger nlog, log4net.ILog log4)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    serilog.Information("Answer {Answer}", {|#0:response.Text|});
                    Serilog.Log.Warning("Answer {Answer} after {Attempts}", {|#1:response.Text|}, 2);
                    serilog.ForContext("Answer", {|#2:response.Text|}).Information("Answered");
                    using (Serilog.Context.LogContext.PushProperty("Answer", {|#3:response.Text|})) { }
                    nlog.Info({|#4:response.Text|});
                    nlog.Info("Answer {Answer}", {|#5:response.Text|});
                    log4.Info({|#6:response.Text|});
                    log4.InfoFormat("Answer {0}", {|#7:response.Text|});

                    serilog.Information("Answer of {Length} characters", response.Text.Length);
                    nlog.Info("Answer of {Length} characters", response.Text.Length);
                    log4.InfoFormat("Answer of {0} characters", response.Text.Length);
                }
            }
            """;
        Infrastructure.MarkupCompilation.AssertCompiles(source);
        await Verify.VerifyAsync(source,
            Expect("LLMT1001", 0, Answer, "ILogger.Information"),
            Expect("LLMT1001", 1, Answer, "Log.Warning"),
            Expect("LLMT1001", 2, Answer, "ILogger.ForContext"),
            Expect("LLMT1001", 3, Answer, "LogContext.PushProperty"),
            Expect("LLMT1001", 4, Answer, "Logger.Info"),
            Expect("LLMT1001", 5, Answer, "Logger.Info"),
            Expect("LLMT1001", 6, Answer, "ILog.Info"),
            Expect("LLMT1001", 7, Answer, "ILog.InfoFormat"));
    }

    [Fact]
    public async Task LLMT1002_console_debug_and_trace_where_the_console_is_a_log()
    {
        await Verify.VerifyAsync(ConsoleAndDebugWrites, "llmtelemetry.data_exposure.console_output = log",
            Expect("LLMT1002", 0, "The completion text 'update.Text'", "Console.Write"),
            Expect("LLMT1002", 1, Answer, "Console.Error.WriteLine"),
            Expect("LLMT1002", 2, Answer, "Debug.WriteLine"),
            Expect("LLMT1002", 3, Answer, "Trace.TraceInformation"));
    }

    [Fact]
    public async Task LLMT1002_the_console_of_a_service_is_a_log()
    {
        await Verify.VerifyAsync(ConsoleAndDebugWrites, null, [TestReferences.Assembly("Microsoft.AspNetCore.Http.Abstractions")],
            Expect("LLMT1002", 0, "The completion text 'update.Text'", "Console.Write"),
            Expect("LLMT1002", 1, Answer, "Console.Error.WriteLine"),
            Expect("LLMT1002", 2, Answer, "Debug.WriteLine"),
            Expect("LLMT1002", 3, Answer, "Trace.TraceInformation"));
    }

    [Fact]
    public async Task LLMT1002_the_console_of_an_app_that_runs_the_generic_host_is_a_log()
    {
        await Verify.VerifyAsync(ConsoleAndDebugWrites + RunsTheHost, null, TestReferences.GenericHost.ToArray(),
            Expect("LLMT1002", 0, "The completion text 'update.Text'", "Console.Write"),
            Expect("LLMT1002", 1, Answer, "Console.Error.WriteLine"),
            Expect("LLMT1002", 2, Answer, "Debug.WriteLine"),
            Expect("LLMT1002", 3, Answer, "Trace.TraceInformation"));
    }

    [Theory]
    [InlineData(null, false, false)] // an interactive console app: the console is its user interface
    [InlineData(null, true, false)] // the generic host used for dependency injection only, never run: still an interactive app
    [InlineData("llmtelemetry.data_exposure.console_output = user_interface", true, true)]
    [InlineData("llmtelemetry.data_exposure.console_output = nonsense", false, false)] // an unknown value keeps the default
    public async Task LLMT1002_the_console_of_an_interactive_app_is_not_a_log_debug_and_trace_are(string? editorConfig, bool referencesHost, bool runsHost)
    {
        await Verify.VerifyAsync(ConsoleAndDebugWrites + (runsHost ? RunsTheHost : ""), editorConfig, referencesHost ? TestReferences.GenericHost.ToArray() : [],
            Expect("LLMT1002", 2, Answer, "Debug.WriteLine"),
            Expect("LLMT1002", 3, Answer, "Trace.TraceInformation"));
    }

    private const string RunsTheHost = """

        public static class Service
        {
            public static void Main(string[] args)
            {
                Microsoft.Extensions.Hosting.IHost host = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args).Build();
                Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.Run(host);
            }
        }
        """;

    private const string ConsoleAndDebugWrites = DataExposureFlowTests.Usings + """
        public class Bot(IChatClient chat)
        {
            public async Task AskAsync()
            {
                await foreach (var update in chat.GetStreamingResponseAsync("hi"))
                {
                    Console.Write({|#0:update.Text|});
                }

                var response = await chat.GetResponseAsync("hi");
                Console.Error.WriteLine({|#1:response.Text|});
                Debug.WriteLine({|#2:response.Text|});
                Trace.TraceInformation({|#3:response.Text|});
                Console.WriteLine(response.Text.Length);
            }
        }
        """;

    [Fact]
    public async Task LLMT1003_span_tags_events_and_baggage()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat)
            {
                private static readonly ActivitySource Source = new("Bot");

                public async Task AskAsync()
                {
                    using Activity? activity = Source.StartActivity("ask");
                    var response = await chat.GetResponseAsync("hi");
                    activity?.SetTag("answer", {|#0:response.Text|});
                    activity?.AddTag("answer", {|#1:response.Text|});
                    activity?.AddBaggage("answer", {|#2:response.Text|});
                    activity?.AddEvent({|#3:new ActivityEvent("answered", tags: new ActivityTagsCollection { ["text"] = response.Text })|});
                    activity?.SetTag("answer.length", response.Text.Length);
                    activity?.SetTag("response.id", response.ResponseId);
                }
            }
            """,
            Expect("LLMT1003", 0, Answer, "Activity.SetTag"),
            Expect("LLMT1003", 1, Answer, "Activity.AddTag"),
            Expect("LLMT1003", 2, Answer, "Activity.AddBaggage"),
            Expect("LLMT1003", 3, Answer, "Activity.AddEvent"));
    }

    [Fact]
    public async Task LLMT1004_exception_messages()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat)
            {
                public async Task<string> AskAsync(string question)
                {
                    var response = await chat.GetResponseAsync(question);
                    if (response.Text.Length == 0)
                    {
                        throw new InvalidOperationException({|#0:$"No answer to '{question}'"|});
                    }

                    return response.Text.Length > 100 ? throw new InvalidOperationException("Too long: " + response.Text.Length) : response.Text;
                }
            }
            """,
            Expect("LLMT1004", 0, "The prompt 'question' (sent to the model by 'GetResponseAsync')", "InvalidOperationException"));
    }

    [Fact]
    public async Task A_logging_wrapper_is_reported_at_the_call_unless_it_redacts()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            using Microsoft.Extensions.Compliance.Redaction;

            public class Bot(IChatClient chat, ILogger<Bot> logger, Redactor redactor)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    Note("answer", {|#0:response.Text|});
                    NoteRedacted("answer", response.Text);
                }

                private void Note(string what, string text) => logger.LogInformation("{What}: {Text}", what, text);

                private void NoteRedacted(string what, string text) => Note(what, redactor.Redact(text));
            }
            """,
            Expect("LLMT1001", 0, Answer, "Note → LogInformation"));
    }

    [Fact]
    public async Task Sinks_handed_only_numbers_and_constants_are_not_reported_and_a_text_sink_beside_them_is()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task<string> CountedAsync([Prompt] string question)
                {
                    logger.LogInformation("Asking {Length} characters", question.Length);
                    ChatResponse response = await chat.GetResponseAsync(question);
                    logger.LogInformation("Answered with {Tokens} tokens", response.Usage?.OutputTokenCount);
                    logger.LogDebug($"Took {response.Text.Length} characters, finished: {response.FinishReason is null}");
                    Console.WriteLine(42);
                    if (response.Text.Length == 0) { throw new InvalidOperationException("Empty answer"); }
                    return response.Text;
                }

                public async Task<string> MixedAsync([Prompt] string question)
                {
                    logger.LogInformation("Asking {Length} characters", question.Length);
                    ChatResponse response = await chat.GetResponseAsync(question);
                    logger.LogDebug({|#0:$"Answer: {response.Text}"|});
                    return response.Text;
                }
            }
            """,
            Expect("LLMT1001", 0, Answer, "LogDebug"));
    }
}

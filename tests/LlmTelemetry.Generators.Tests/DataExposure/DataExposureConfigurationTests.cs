using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>Sources, sinks, redactors and exclusions from <c>.editorconfig</c>, and per-ID severity.</summary>
public sealed class DataExposureConfigurationTests
{
    private const string Code = DataExposureFlowTests.Usings + """
        namespace Contoso
        {
            public class Ticket { public string Body { get; set; } = ""; }
            public static class Audit { public static void Write(string entry) { } }
            public static class Privacy { public static string Scrub(string text) => text.Length > 8 ? "***" : text; }
            public static class PromptStore { public static string Load() => "from disk"; }

            public class Desk(ILogger<Desk> logger)
            {
                public void Open(Ticket ticket)
                {
                    Audit.Write({|#0:ticket.Body|});
                    logger.LogInformation({|#1:Privacy.Scrub(ticket.Body)|});
                    logger.LogInformation({|#2:PromptStore.Load()|});
                }

                public void Dump(Ticket ticket) => logger.LogInformation({|#3:ticket.Body|});
            }
        }
        """;

    [Fact]
    public async Task Configured_sources_sinks_and_redactors()
    {
        await Verify.VerifyAsync(Code, """
            llmtelemetry.data_exposure.sources = Contoso.Ticket.Body, Contoso.PromptStore.Load
            llmtelemetry.data_exposure.sinks = Contoso.Audit.Write
            llmtelemetry.data_exposure.redactors = Contoso.Privacy.Scrub
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithArguments("The prompt data 'ticket.Body'", "Write").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Verify.Diagnostic("LLMT1001").WithLocation(2).WithArguments("The prompt data 'PromptStore.Load()'", "LogInformation").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Verify.Diagnostic("LLMT1001").WithLocation(3).WithArguments("The prompt data 'ticket.Body'", "LogInformation").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task Excluded_methods_are_not_analyzed_and_excluded_members_are_not_sources()
    {
        await Verify.VerifyAsync(Code, """
            llmtelemetry.data_exposure.sources = Contoso.Ticket.Body, Contoso.PromptStore.Load
            llmtelemetry.data_exposure.sinks = Contoso.Audit.Write
            llmtelemetry.data_exposure.excluded_symbols = Contoso.Desk.Dump, Contoso.PromptStore.Load, Contoso.Audit.Write
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(1).WithArguments("The prompt data 'ticket.Body'", "LogInformation").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task A_console_app_turns_the_console_sink_off_by_severity()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Chat(IChatClient chat)
            {
                public async Task RunAsync()
                {
                    await foreach (var update in chat.GetStreamingResponseAsync("hi"))
                    {
                        Console.Write(update.Text);
                    }
                }
            }
            """, "dotnet_diagnostic.LLMT1002.severity = none");
    }
}

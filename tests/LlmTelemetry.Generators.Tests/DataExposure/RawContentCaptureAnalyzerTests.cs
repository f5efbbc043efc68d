using System.Threading.Tasks;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.RawContentCaptureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>LLMT1005: switches that record raw prompts and completions, outside a development check.</summary>
public sealed class RawContentCaptureAnalyzerTests
{
    private const string Host = """

        namespace Microsoft.Extensions.Hosting
        {
            public interface IHostEnvironment { string EnvironmentName { get; } }
            public static class HostEnvironmentEnvExtensions { public static bool IsDevelopment(this IHostEnvironment environment) => environment.EnvironmentName == "Development"; }
        }

        """;

    [Fact]
    public async Task Reported_when_set_unconditionally()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public static class Setup
            {
                public static IChatClient Build(IChatClient inner, LlmTelemetryOptions options)
                {
                    {|#0:options.CaptureMessageContent = {|#1:true|}|};
                    {|#2:AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", {|#3:true|})|};
                    {|#4:Environment.SetEnvironmentVariable("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", {|#5:"true"|})|};
                    return new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => {|#6:c.EnableSensitiveData = {|#7:true|}|}).Build();
                }
            }
            """,
            Verify.Diagnostic("LLMT1005").WithLocation(0).WithLocation(1).WithArguments("'LlmTelemetryOptions.CaptureMessageContent = true'"),
            Verify.Diagnostic("LLMT1005").WithLocation(2).WithLocation(3).WithArguments("'AppContext.SetSwitch(\"Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive\", true)'"),
            Verify.Diagnostic("LLMT1005").WithLocation(4).WithLocation(5).WithArguments("'Environment.SetEnvironmentVariable(\"OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT\", \"true\")'"),
            Verify.Diagnostic("LLMT1005").WithLocation(6).WithLocation(7).WithArguments("'OpenTelemetryChatClient.EnableSensitiveData = true'"));
    }

    [Fact]
    public async Task Not_reported_under_a_development_check_or_when_not_constant()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + "using Microsoft.Extensions.Hosting;\n" + """
            public static class Setup
            {
                public static IChatClient Build(IChatClient inner, LlmTelemetryOptions options, IHostEnvironment environment)
                {
                    if (environment.IsDevelopment())
                    {
                        options.CaptureMessageContent = true;
                    }

                    if (Debugger.IsAttached && inner is not null)
                    {
                        options.CaptureMessageContent = true;
                    }
                    options.CaptureMessageContent = false;
                    return new ChatClientBuilder(inner!).UseOpenTelemetry(configure: c => c.EnableSensitiveData = environment.IsDevelopment()).Build();
                }
            }
            """ + Host);
    }

    [Fact]
    public async Task Not_reported_in_an_if_DEBUG_region_and_reported_after_it()
    {
        // DEBUG defined, as in a Debug build: the region is compiled, and still development-only.
        await Verify.VerifyAsync("#define DEBUG\n" + DataExposureFlowTests.Usings + """
            public static class Setup
            {
                public static void Configure(LlmTelemetryOptions options)
                {
            #if DEBUG
                    options.CaptureMessageContent = true;
            #if NET
                    options.CaptureMessageContent = true;
            #endif
            #endif
                    {|#0:options.CaptureMessageContent = {|#1:true|}|};
                }
            }
            """,
            Verify.Diagnostic("LLMT1005").WithLocation(0).WithLocation(1).WithArguments("'LlmTelemetryOptions.CaptureMessageContent = true'"));
    }

    [Fact]
    public async Task The_else_branch_of_a_development_check_is_not_development()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + "using Microsoft.Extensions.Hosting;\n" + """
            public static class Setup
            {
                public static void Configure(LlmTelemetryOptions options, IHostEnvironment environment)
                {
                    if (environment.IsDevelopment())
                    {
                    }
                    else
                    {
                        {|#0:options.CaptureMessageContent = {|#1:true|}|};
                    }
                }
            }
            """ + Host,
            Verify.Diagnostic("LLMT1005").WithLocation(0).WithLocation(1).WithArguments("'LlmTelemetryOptions.CaptureMessageContent = true'"));
    }
}

using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyExposure = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;
using VerifyUntraced = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.UntracedModelCallAnalyzer>;

namespace LlmTelemetry.Generators.Tests;

/// <summary>Microsoft Agent Framework (Microsoft.Agents.AI 1.28): an agent run is a model call, its response completion text.</summary>
public sealed class AgentFrameworkTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Logging;

        """;

    private static MetadataReference[] References => TestReferences.AgentFramework.ToArray();

    [Fact]
    public async Task An_agent_run_is_a_model_call_traced_only_when_the_agent_is_built_with_UseOpenTelemetry()
    {
        string source = Usings + """
            public class Assistant(IChatClient chat, AIAgent injected)
            {
                public async Task RunAsync()
                {
                    AIAgent plain = new ChatClientAgent(chat, instructions: "Be brief.");
                    await plain.{|#0:RunAsync|}("Hi");
                    await foreach (AgentResponseUpdate update in plain.{|#1:RunStreamingAsync|}("Hi")) { }

                    AIAgent traced = new ChatClientAgent(chat).AsBuilder().UseOpenTelemetry().Build();
                    await traced.RunAsync("Hi");

                    await injected.{|#2:RunAsync|}("Hi");
                }
            }

            // Agent middleware passes the run on: the pipeline is judged where it is built.
            public sealed class Logged(AIAgent inner) : DelegatingAIAgent(inner)
            {
                private readonly AIAgent _inner = inner;

                public Task<AgentResponse> AskAsync(string question) => _inner.RunAsync(question);
            }
            """;
        MarkupCompilation.AssertCompiles(source, References);

        await VerifyUntraced.VerifyAsync(source, null, References,
            VerifyUntraced.Diagnostic("LLMT2001").WithLocation(0).WithArguments("RunAsync", "'plain' is an agent built without UseOpenTelemetry() and no span is open around the run"),
            VerifyUntraced.Diagnostic("LLMT2001").WithLocation(1).WithArguments("RunStreamingAsync", "'plain' is an agent built without UseOpenTelemetry() and no span is open around the run"),
            new DiagnosticResult("LLMT2002", DiagnosticSeverity.Info).WithLocation(2).WithArguments("RunAsync", "injected", "build the agent with .AsBuilder().UseOpenTelemetry().Build()"));
    }

    [Fact]
    public async Task An_agent_response_is_completion_text_and_what_it_is_sent_a_prompt()
    {
        string source = Usings + """
            public class Assistant(AIAgent agent, ILogger<Assistant> logger)
            {
                public async Task RunAsync(string question)
                {
                    AgentResponse response = await agent.RunAsync(question);
                    logger.LogInformation("Agent {AgentId} answered: {Answer}", response.AgentId, {|#0:response.Text|});
                    logger.LogDebug("Asked {Question}", {|#1:question|});
                }
            }
            """;
        MarkupCompilation.AssertCompiles(source, References);

        await VerifyExposure.VerifyAsync(source, null, References,
            VerifyExposure.Diagnostic("LLMT1001").WithLocation(0).WithArguments("The completion text 'response.Text'", "LogInformation").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            VerifyExposure.Diagnostic("LLMT1001").WithLocation(1).WithArguments("The prompt 'question' (sent to the model by 'RunAsync')", "LogDebug").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }
}

using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using Microsoft.Agents.AI;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>
/// An Agent Framework agent built with <c>AsBuilder().UseOpenTelemetry()</c> — the remedy the untraced-call analyzer
/// names for an agent run — is exported through the documented setup alone: <c>AddLlmTelemetry()</c>, no <c>AddSource</c>.
/// </summary>
public sealed class AgentPipelineTelemetryTests
{
    [Fact]
    public async Task AddLlmTelemetry_exports_the_spans_of_an_agent_built_with_UseOpenTelemetry()
    {
        var spans = new List<Activity>();
        using TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(spans).Build();
        AIAgent agent = new ChatClientAgent(new FakeChatClient(), name: "support").AsBuilder().UseOpenTelemetry().Build();

        await agent.RunAsync("What is the capital of France?");

        // The agent's own span (and the chat span its pipeline adds beneath it): none without the source subscribed.
        Activity run = Assert.Single(spans, static s => s.Source.Name == "Experimental.Microsoft.Agents.AI" && s.DisplayName.StartsWith("invoke_agent", System.StringComparison.Ordinal));
        Assert.StartsWith("invoke_agent support", run.DisplayName); // Agent Framework appends the agent id
    }
}

using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace LlmTelemetry.Tests;

/// <summary>
/// A Microsoft.Extensions.AI pipeline built with <c>UseOpenTelemetry()</c> — what the LLMT2001 code fix writes — is
/// exported through the documented setup alone: <c>AddLlmTelemetry()</c> on both provider builders, no <c>AddSource</c>.
/// </summary>
public sealed class MeaiPipelineTelemetryTests
{
    [Fact]
    public async Task AddLlmTelemetry_exports_the_spans_and_metrics_of_a_UseOpenTelemetry_pipeline()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(spans).Build();
        using MeterProvider metering = Sdk.CreateMeterProviderBuilder().AddLlmTelemetry().AddInMemoryExporter(metrics).Build();
        using IChatClient chat = new ChatClientBuilder(new FakeChatClient()).UseOpenTelemetry().Build();

        await chat.GetResponseAsync("What is the capital of France?", new ChatOptions { ModelId = "gpt-4o-mini" });
        metering.ForceFlush();

        Activity span = Assert.Single(spans);
        Assert.Equal("Experimental.Microsoft.Extensions.AI", span.Source.Name);
        Assert.Equal("chat gpt-4o-mini", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(FakeChatClient.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        string[] recorded = metrics.Where(static m => m.MeterName == "Experimental.Microsoft.Extensions.AI").Select(static m => m.Name).ToArray();
        Assert.Contains("gen_ai.client.operation.duration", recorded);
        Assert.Contains("gen_ai.client.token.usage", recorded);
    }
}

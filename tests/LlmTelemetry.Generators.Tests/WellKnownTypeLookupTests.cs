using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// A referenced assembly that declares a type of the same name as a client library's (Microsoft Agent Framework
/// declares its own public <c>Microsoft.Extensions.AI.ChatClientExtensions</c>) must not hide the library's type.
/// </summary>
public sealed class WellKnownTypeLookupTests
{
    // What Microsoft.Agents.AI does: a public class of the same full name in another assembly.
    private static MetadataReference AgentFrameworkLike() => TestReferences.Assembly("Microsoft.Agents.AI", """
        namespace Microsoft.Extensions.AI
        {
            public static class ChatClientExtensions
            {
                public static object AsAgent(this IChatClient client) => client;
            }
        }
        """);

    [Fact]
    public async Task Calls_through_the_extension_overloads_are_still_model_calls()
    {
        Compilation compilation = GeneratorHarness.Compilation(TestReferences.All.Add(AgentFrameworkLike()), """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Logging;

            public class Bot(ILogger<Bot> logger)
            {
                public async Task AskAsync(IChatClient inner)
                {
                    IChatClient chat = new ChatClientBuilder(inner).Build();
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    logger.LogInformation("{Answer}", response.Text);
                }
            }
            """);
        Assert.Null(compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientExtensions")); // the ambiguity is real

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new UntracedModelCallAnalyzer(), new DataExposureAnalyzer()], new AnalyzerOptions([]))
            .GetAllDiagnosticsAsync();

        Assert.Contains(diagnostics, d => d.Id == "LLMT2001");
        Assert.Contains(diagnostics, d => d.Id == "LLMT1001");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}

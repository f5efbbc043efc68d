using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// A registration in one project decides the calls in another: the generator writes what a project's code turns on for
/// its model clients into its assembly, and the untraced-call analyzer of a project that references it reads it.
/// </summary>
public sealed class TracingRegistrationMarkerTests
{
    private const string Registration = """
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        public static class AiServices
        {
            public static void AddAi(IServiceCollection services, IChatClient inner)
            {
                services.AddChatClient(inner).UseOpenTelemetry();
            }
        }
        """;

    private const string InjectedCall = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        public class Bot(IChatClient chat)
        {
            public Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
        }
        """;

    [Fact]
    public void The_generator_records_a_traced_registration_in_the_assembly()
    {
        GeneratorResult result = GeneratorHarness.Run(Registration);

        Assert.Contains("[assembly: global::System.Reflection.AssemblyMetadata(\"LlmTelemetry.TracedModelClients\", \"ChatClients\")]", result.Source("TracedModelClients.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Nothing_is_written_for_a_project_that_registers_nothing()
    {
        GeneratorResult result = GeneratorHarness.Run(InjectedCall);

        Assert.DoesNotContain(result.Sources, s => s.HintName.EndsWith("TracedModelClients.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_through_an_injected_client_is_traced_by_a_registration_in_a_referenced_project()
    {
        MetadataReference shared = Emit(GeneratorHarness.Run(Registration).Output.WithAssemblyName("Contoso.ServiceDefaults"));

        ImmutableArray<Diagnostic> withMarker = await UntracedCallDiagnosticsAsync([InjectedCall], shared);
        ImmutableArray<Diagnostic> without = await UntracedCallDiagnosticsAsync([InjectedCall]);

        Assert.Empty(withMarker);
        Assert.Equal("LLMT2002", Assert.Single(without).Id);
    }

    [Fact]
    public async Task A_chat_client_registered_without_telemetry_makes_injected_calls_known_untraced()
    {
        const string UntracedRegistration = """
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            public static class AiServices
            {
                public static void AddAi(IServiceCollection services, IChatClient inner)
                {
                    services.AddChatClient(inner);
                }
            }
            """;

        Diagnostic here = Assert.Single(await UntracedCallDiagnosticsAsync([InjectedCall, UntracedRegistration]));
        Diagnostic referenced = Assert.Single(await UntracedCallDiagnosticsAsync([InjectedCall], Emit(GeneratorHarness.Run(UntracedRegistration).Output.WithAssemblyName("Contoso.Infrastructure"))));

        Assert.Equal(("LLMT2001", DiagnosticSeverity.Warning), (here.Id, here.Descriptor.DefaultSeverity));
        Assert.Contains("without UseOpenTelemetry()", here.GetMessage());
        Assert.Equal("LLMT2001", referenced.Id);
    }

    private static async Task<ImmutableArray<Diagnostic>> UntracedCallDiagnosticsAsync(string[] sources, params MetadataReference[] references)
    {
        Compilation compilation = GeneratorHarness.Compilation(TestReferences.All.AddRange(references), sources);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers([new UntracedModelCallAnalyzer()], new AnalyzerOptions([])).GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }

    private static MetadataReference Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}

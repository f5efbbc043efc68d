using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.CodeFixes;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// "Trace this model call" applied for real: the fixed code compiles with the generator warning-free, leaves no
/// LlmTelemetry warning behind, runs, and emits the span.
/// </summary>
public sealed class TraceFixEndToEndTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        namespace Contoso
        {
            public class SupportBot(IChatClient chat)
            {
                public async Task<string> AnswerAsync(string question)
                {
                    ChatResponse response = await chat.GetResponseAsync(question);
                    return response.Text;
                }
            }

            public sealed class EchoModel : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo")) { ModelId = "echo-1", Usage = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 1 } });

                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    throw new NotSupportedException();

                public object? GetService(Type serviceType, object? serviceKey = null) => null;

                public void Dispose()
                {
                }
            }
        }
        """;

    [Fact]
    public async Task The_fixed_method_compiles_runs_and_is_traced_with_no_warning_left()
    {
        string fixedSource = await ApplyTraceFixAsync(Source, TestReferences.All);
        // Three provider libraries are referenced and the client is injected: the provider and model cannot be known.
        Assert.Contains("[LlmOperation(Provider = \"unknown\", Model = \"unknown\")]", fixedSource);
        Assert.Contains("AnswerAsync([Prompt] string question)", fixedSource);

        GeneratorResult generated = GeneratorHarness.Run(fixedSource);
        Assert.True(generated.CompilationDiagnostics.IsEmpty, string.Join("\n", generated.CompilationDiagnostics));
        ImmutableArray<Diagnostic> warnings = (await generated.Output
                .WithAnalyzers([new LlmOperationUsageAnalyzer(), new UntracedModelCallAnalyzer(), new DataExposureAnalyzer()], new AnalyzerOptions([]))
                .GetAnalyzerDiagnosticsAsync())
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        Assert.True(warnings.IsEmpty, string.Join("\n", warnings));

        // The listener hears every LlmTelemetry span in the process, other test classes' included (they run in
        // parallel): only those under this test's own parent are this call's.
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == "LlmTelemetry",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        Activity[] ours;
        using (LoadedCompilation loaded = LoadedCompilation.Load(generated.Output))
        using (Activity parent = new Activity(nameof(The_fixed_method_compiles_runs_and_is_traced_with_no_warning_left)).Start())
        {
            object model = Activator.CreateInstance(loaded.GetType("Contoso.EchoModel"))!;
            object bot = Activator.CreateInstance(loaded.GetType("Contoso.SupportBot"), model)!;

            var answer = (Task<string>)bot.GetType().GetMethod("AnswerAsync")!.Invoke(bot, ["hello"])!;

            Assert.Equal("echo", await answer);
            ours = spans.Where(span => span.TraceId == parent.TraceId).ToArray();
        }

        Activity span = Assert.Single(ours);
        Assert.Equal("chat unknown", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("unknown", span.GetTagItem("gen_ai.provider.name"));
    }

    [Fact]
    public async Task With_one_provider_library_referenced_the_fix_names_that_provider()
    {
        // Microsoft.Extensions.AI and OpenAI only, as a project that talks to OpenAI through IChatClient references.
        ImmutableArray<MetadataReference> openAIOnly = TestReferences.All
            .Where(static r => r.Display is not { } path || !(path.Contains("Azure.AI.OpenAI", StringComparison.Ordinal) || path.Contains("OllamaSharp", StringComparison.Ordinal)))
            .ToImmutableArray();

        string fixedSource = await ApplyTraceFixAsync(Source, openAIOnly);

        Assert.Contains("[LlmOperation(Provider = \"openai\", Model = \"unknown\")]", fixedSource);
    }

    private static async Task<string> ApplyTraceFixAsync(string source, ImmutableArray<MetadataReference> references)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Fixed", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(GeneratorHarness.ParseOptions);
        Document document = project.AddDocument("SupportBot.cs", source);

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new UntracedModelCallAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic untraced = Assert.Single(diagnostics, d => d.Id is "LLMT2001" or "LLMT2002");

        var actions = new List<CodeAction>();
        var fix = new UntracedModelCallCodeFix();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, untraced, (action, _) => actions.Add(action), CancellationToken.None));
        CodeAction action = Assert.Single(actions, static a => a.EquivalenceKey == UntracedModelCallCodeFix.TraceTitle);

        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}

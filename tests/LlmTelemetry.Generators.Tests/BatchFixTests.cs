using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// A batch run, as <c>dotnet format analyzers --diagnostics ID</c> makes it: every diagnostic of the ID is fixed, with
/// whichever fix fits it, whatever the first diagnostic is; and the result builds with the generator, warning-free.
/// </summary>
public sealed class BatchFixTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers =
        [new LlmOperationUsageAnalyzer(), new UntracedModelCallAnalyzer(), new DataExposureAnalyzer(), new RawContentCaptureAnalyzer()];

    [Fact]
    public async Task Untraced_calls_each_get_the_fix_that_fits_even_when_the_first_takes_UseOpenTelemetry()
    {
        string[] fixedSources = await FixAsync(["LLMT2001"], """
            using System.ClientModel;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;

            public class Bot
            {
                private readonly IChatClient _chat;

                public Bot(IChatClient inner) => _chat = new ChatClientBuilder(inner).Build();

                public Task<ChatResponse> AskAsync(string question) => _chat.GetResponseAsync(question);
            }

            public class Direct
            {
                private readonly ChatClient _client = new("gpt-4o", "key");

                public Task<ClientResult<ChatCompletion>> CompleteAsync(string prompt) => _client.CompleteChatAsync(new UserChatMessage(prompt));
            }
            """);

        // The OpenAI client has one remedy; the pipeline gets UseOpenTelemetry() or [LlmOperation], by the first call met.
        Assert.Contains("[LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")]", fixedSources[0]);
        Assert.True(
            fixedSources[0].Contains("new ChatClientBuilder(inner).UseOpenTelemetry().Build()", System.StringComparison.Ordinal)
            ^ fixedSources[0].Contains("public partial Task<ChatResponse> AskAsync([Prompt] string question);", System.StringComparison.Ordinal),
            fixedSources[0]);
        await AssertBuildsWarningFreeAsync(fixedSources);
    }

    [Fact]
    public async Task Logged_text_is_all_fixed_when_the_first_call_is_a_LoggerMessage()
    {
        string[] fixedSources = await FixAsync(["LLMT1001"], """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Logging;

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

            public static partial class Log
            {
                [LoggerMessage(1, LogLevel.Information, "Asked {Question}")]
                public static partial void Asked(ILogger logger, string question);
            }

            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    Log.Asked(logger, question);
                    ChatResponse response = await chat.GetResponseAsync(question);
                    logger.LogInformation("Answer: {Answer}", response.Text);
                }
            }
            """);

        // Both calls redacted with the default fix; the [LoggerMessage] method needs the logging generator to build.
        Assert.Contains("Log.Asked(logger, LlmTelemetry.LlmContent.Redact(question));", fixedSources[0]);
        Assert.Contains("LlmTelemetry.LlmContent.Redact(response.Text)", fixedSources[0]);
    }

    [Fact]
    public async Task Every_method_marked_with_a_body_moves_its_body_in_every_file()
    {
        string[] fixedSources = await FixAsync(
            ["LLMT0001", "LLMT0003"],
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public Task<ChatResponse> AskAsync([Prompt] string question) => chat.GetResponseAsync(question);

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public async Task<ChatResponse> SummarizeAsync([Prompt] string text)
                {
                    return await chat.GetResponseAsync("Summarize: " + text);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public static class Embedder
            {
                [LlmOperation("embeddings", Provider = "openai", Model = "text-embedding-3-small")]
                public static Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, string text) =>
                    generator.GenerateAsync([text]);
            }
            """);

        Assert.Contains("private Task<ChatResponse> AskCoreAsync(string question)", fixedSources[0]);
        Assert.Contains("private async Task<ChatResponse> SummarizeCoreAsync(string text)", fixedSources[0]);
        Assert.Contains("public static partial Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, string text);", fixedSources[1]);
        await AssertBuildsWarningFreeAsync(fixedSources);
    }

    [Fact]
    public async Task Every_direct_call_of_an_implementation_calls_its_operation()
    {
        string[] fixedSources = await FixAsync(
            ["LLMT2004", "LLMT2003"],
            """
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ChatResponse> AskAsync([Prompt] string question);

                internal Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);

                public Task<ChatResponse> QuickAsync(string q) => AskCoreAsync(q);
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public static class Callers
            {
                public static Task<ChatResponse> Twice(Bot bot) => bot.QuickAsync("a").ContinueWith(_ => bot.AskCoreAsync("b")).Unwrap();

                public static Func<string, Task<ChatResponse>> Handler(Bot bot) => bot.AskCoreAsync;
            }
            """);

        Assert.Contains("=> AskAsync(q);", fixedSources[0]);
        Assert.Contains("bot.AskAsync(\"b\")", fixedSources[1]);
        Assert.Contains("=> bot.AskAsync;", fixedSources[1]);
    }

    // Runs dotnet format's batch fix for each ID in turn over one project of the sources, and checks none is left.
    private static async Task<string[]> FixAsync(string[] diagnosticIds, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(TestReferences.All)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(GeneratorHarness.ParseOptions);
        var documents = new List<DocumentId>();
        for (int i = 0; i < sources.Length; i++)
        {
            Document document = project.AddDocument($"File{i}.cs", sources[i], filePath: $"/Consumer/File{i}.cs");
            documents.Add(document.Id);
            project = document.Project;
        }

        Solution solution = project.Solution;
        Assert.Contains(await DotNetFormatFixAll.AnalyzeAsync(solution, s_analyzers), d => diagnosticIds.Contains(d.Id));
        foreach (string id in diagnosticIds)
        {
            (solution, IReadOnlyList<string> warnings) = await DotNetFormatFixAll.RunAsync(solution, id, s_analyzers);
            Assert.Empty(warnings);
        }

        ImmutableArray<Diagnostic> left = await DotNetFormatFixAll.AnalyzeAsync(solution, s_analyzers);
        Assert.DoesNotContain(left, d => diagnosticIds.Contains(d.Id));

        var texts = new string[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            texts[i] = (await solution.GetDocument(documents[i])!.GetTextAsync()).ToString();
        }

        return texts;
    }

    // The fixed code with the generator's bodies: no compiler error or warning, and no LlmTelemetry warning.
    private static async Task AssertBuildsWarningFreeAsync(string[] sources)
    {
        GeneratorResult generated = GeneratorHarness.Run(sources);
        Assert.True(generated.CompilationDiagnostics.IsEmpty, string.Join("\n", generated.CompilationDiagnostics) + "\n" + string.Join("\n---\n", sources));
        ImmutableArray<Diagnostic> warnings = (await generated.Output.WithAnalyzers(s_analyzers, new AnalyzerOptions([])).GetAnalyzerDiagnosticsAsync())
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        Assert.True(warnings.IsEmpty, string.Join("\n", warnings) + "\n" + string.Join("\n---\n", sources));
    }
}

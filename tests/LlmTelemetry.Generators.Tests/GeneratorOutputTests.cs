using LlmTelemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>What the generator writes, held against golden files, and that it compiles warning-free.</summary>
public sealed class GeneratorOutputTests
{
    [Theory]
    [InlineData(nameof(Scenarios.MeaiChat), Scenarios.MeaiChat, "Contoso.Support.SupportBot.LlmTelemetry.g.cs", true)]
    [InlineData(nameof(Scenarios.UserTypes), Scenarios.UserTypes, "Contoso.Local.LocalModel.LlmTelemetry.g.cs", false)]
    [InlineData(nameof(Scenarios.OpenAI), Scenarios.OpenAI, "Contoso.Direct.DirectClient.LlmTelemetry.g.cs", true)]
    [InlineData(nameof(Scenarios.ClassifiedAndEmbeddings), Scenarios.ClassifiedAndEmbeddings, "Contoso.Compliance.Assistant.LlmTelemetry.g.cs", true)]
    [InlineData(nameof(Scenarios.Retrieval), Scenarios.Retrieval, "Contoso.Rag.Retriever.LlmTelemetry.g.cs", false)]
    [InlineData(nameof(Scenarios.Guards), Scenarios.Guards, "Contoso.Guarded.Assistant.LlmTelemetry.g.cs", true)]
    public void Generated_source_matches_the_golden_file_and_compiles(string name, string source, string hintName, bool readsClientTypes)
    {
        GeneratorResult result = GeneratorHarness.Run(source);

        Assert.Equal(hintName, result.Sources[0].HintName);
        Golden.AssertMatches(name, result.Sources[0].SourceText.ToString());
        if (readsClientTypes)
        {
            // The client-library readers are written once per compilation, beside the type files.
            Assert.Equal(2, result.Sources.Count);
            Golden.AssertMatches(name + ".Readers", result.Source(ReadersFileName));
        }
        else
        {
            Assert.Single(result.Sources);
        }

        result.AssertCompilesCleanly();
    }

    private const string ReadersFileName = "LlmTelemetry.Readers.g.cs";

    /// <summary>
    /// The chosen release changes only the descriptor's convention set and the idle check: held against golden files for
    /// each family of operation (inference and streams, embeddings, retrieval, guarded calls) in <c>latest</c>, and once in <c>both</c>.
    /// </summary>
    [Theory]
    [InlineData("latest", nameof(Scenarios.MeaiChat), Scenarios.MeaiChat, "Contoso.Support.SupportBot.LlmTelemetry.g.cs")]
    [InlineData("latest", nameof(Scenarios.ClassifiedAndEmbeddings), Scenarios.ClassifiedAndEmbeddings, "Contoso.Compliance.Assistant.LlmTelemetry.g.cs")]
    [InlineData("latest", nameof(Scenarios.Retrieval), Scenarios.Retrieval, "Contoso.Rag.Retriever.LlmTelemetry.g.cs")]
    [InlineData("latest", nameof(Scenarios.Guards), Scenarios.Guards, "Contoso.Guarded.Assistant.LlmTelemetry.g.cs")]
    [InlineData("both", nameof(Scenarios.MeaiChat), Scenarios.MeaiChat, "Contoso.Support.SupportBot.LlmTelemetry.g.cs")]
    public void Generated_source_for_a_chosen_release_matches_its_golden_file_and_compiles(string conventions, string name, string source, string hintName)
    {
        GeneratorResult result = GeneratorHarness.RunWithConventions(conventions, source);

        Assert.Equal(hintName, result.Sources[0].HintName);
        Golden.AssertMatches(name + "." + char.ToUpperInvariant(conventions[0]) + conventions.Substring(1), result.Sources[0].SourceText.ToString());
        result.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("latest")]
    [InlineData("both")]
    [InlineData(" Latest ")]
    [InlineData("unknown-value")]
    public void Every_scenario_compiles_warning_free_under_every_release(string conventions)
    {
        foreach (string source in new[] { Scenarios.MeaiChat, Scenarios.UserTypes, Scenarios.OpenAI, Scenarios.ClassifiedAndEmbeddings, Scenarios.Retrieval, Scenarios.Guards, Scenarios.TypeShapes })
        {
            GeneratorResult result = GeneratorHarness.RunWithConventions(conventions, source);
            Assert.NotEmpty(result.Sources);
            result.AssertCompilesCleanly();
        }
    }

    [Theory]
    [InlineData("", "LlmOperationScope.IsEnabled")]
    [InlineData("BASELINE", "LlmOperationScope.IsEnabled")]
    [InlineData("latest", "V0_1Conventions.IsInferenceEnabled")]
    [InlineData("both", "BaselineAndV0_1Conventions.IsInferenceEnabled")]
    [InlineData("v0.1.0", "LlmOperationScope.IsEnabled")] // unknown: the baseline, and LLMT0019 from the usage analyzer
    public void The_property_picks_the_idle_check_case_insensitively(string conventions, string idleCheck)
    {
        string generated = GeneratorHarness.RunWithConventions(conventions, Scenarios.MeaiChat).Sources[0].SourceText.ToString();

        Assert.Contains($"if (!global::LlmTelemetry.Instrumentation.{idleCheck})", generated);
    }

    [Fact]
    public void An_extension_method_operation_stays_an_extension_method_and_compiles()
    {
        GeneratorResult result = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public static partial class Embedder
            {
                [LlmOperation("embeddings", Provider = "openai", Model = "text-embedding-3-small")]
                public static partial Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, [Prompt] string text);

                private static Task<GeneratedEmbeddings<Embedding<float>>> EmbedCoreAsync(IEmbeddingGenerator<string, Embedding<float>> generator, string text) =>
                    generator.GenerateAsync([text]);
            }
            """);

        Assert.Contains("EmbedAsync(this global::Microsoft.Extensions.AI.IEmbeddingGenerator", result.Source("Embedder.LlmTelemetry.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Nested_generic_record_and_ref_struct_types_each_get_a_file_that_compiles()
    {
        GeneratorResult result = GeneratorHarness.Run(Scenarios.TypeShapes);

        Assert.Equal(
            new[] { "Outer+Inner-1.LlmTelemetry.g.cs", "Outer+Point.LlmTelemetry.g.cs", "SpanReader.LlmTelemetry.g.cs" },
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Select(result.Sources, s => s.HintName), h => h, System.StringComparer.Ordinal)));
        Golden.AssertMatches("TypeShapes.Inner", result.Source("Outer+Inner-1.LlmTelemetry.g.cs"));
        Golden.AssertMatches("TypeShapes.Point", result.Source("Outer+Point.LlmTelemetry.g.cs"));
        Golden.AssertMatches("TypeShapes.SpanReader", result.Source("SpanReader.LlmTelemetry.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void An_assembly_that_sees_another_ones_internals_compiles_its_own_readers_without_warnings()
    {
        // Both assemblies get an internal LlmTelemetry.Generated.MeaiReaders; the second also sees the first's.
        GeneratorResult upstream = GeneratorHarness.Run(
            Scenarios.MeaiChat,
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"UserAssembly\")]");
        upstream.AssertCompilesCleanly();
        using var image = new System.IO.MemoryStream();
        Assert.True(upstream.Output.WithAssemblyName("Upstream").Emit(image).Success);

        GeneratorResult downstream = GeneratorHarness.Run(
            System.Linq.Enumerable.Append(TestReferences.All, Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())),
            Scenarios.MeaiChat.Replace("namespace Contoso.Support", "namespace Contoso.Downstream"));

        Assert.Contains(downstream.Sources, static s => s.HintName == ReadersFileName);
        downstream.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("[Prompt] string question, ChatOptions options")]
    [InlineData("[Prompt] string question, [Model] string model")]
    [InlineData("[Prompt] string question, [Model] string model, ChatOptions options")]
    [InlineData("[Prompt] string question, [Model] string? model, ChatOptions? options")]
    public void Run_time_model_parameters_declared_not_nullable_stay_not_null_for_the_implementation(string parameters)
    {
        // Reading the model id must not null-test the parameters themselves: the compiler would then warn when they
        // are passed on to an implementation that does not accept null.
        string parameterTypes = parameters.Replace("[Prompt] ", "").Replace("[Model] ", "");
        GeneratorResult result = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            namespace Contoso.Models;

            public partial class Bot(IChatClient chat)
            {
                [LlmOperation(Provider = "openai")]
                public partial Task<ChatResponse> AskAsync({{parameters}});

                private Task<ChatResponse> AskCoreAsync({{parameterTypes}}) => chat.GetResponseAsync(question);
            }
            """);

        Assert.Contains("__llmModel", result.Sources[0].SourceText.ToString());
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Guards_that_throw_or_fall_back_compile_in_every_shape_with_their_own_fast_path()
    {
        GeneratorResult result = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using LlmTelemetry;

            public sealed class Judge : ILlmEvaluator
            {
                public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, System.Threading.CancellationToken cancellationToken) => new(new LlmEvaluation(1, passed: true));
            }

            public partial class Guarded
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Judge), OnFailure = GuardAction.Throw)]
                public partial string Ask();

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback, Fallback = nameof(SafeStatic), SampleRate = 0.5)]
                public static partial string AskStatic(string q);

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback, Fallback = nameof(SafeValueAsync))]
                public partial ValueTask<string> AskValueAsync(string q, int tries);

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback, Fallback = nameof(SafePick))]
                public partial Task<T> PickAsync<T>(T first, T second) where T : class;

                private string AskCore() => "a";
                private static string AskStaticCore(string q) => q;
                private static string SafeStatic(string q) => "safe";
                private ValueTask<string> AskValueCoreAsync(string q, int tries) => new(q);
                private ValueTask<string> SafeValueAsync(string q, int tries) => new("safe");
                private Task<T> PickCoreAsync<T>(T first, T second) where T : class => Task.FromResult(first);
                private Task<T> SafePick<T>(T first, T second) where T : class => Task.FromResult(second);
            }
            """);

        string source = result.Sources[0].SourceText.ToString();
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(source, "SelectWhenIdle").Count);
        Assert.Contains("SafePick<T>(__llmFallback_first, __llmFallback_second)", source);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void Without_client_libraries_user_types_still_generate_and_compile()
    {
        GeneratorResult result = GeneratorHarness.Run(TestReferences.WithoutClientLibraries, Scenarios.UserTypes);

        Assert.Single(result.Sources);
        Assert.DoesNotContain("Microsoft.Extensions.AI", result.Sources[0].SourceText.ToString());
        result.AssertCompilesCleanly();
    }
}

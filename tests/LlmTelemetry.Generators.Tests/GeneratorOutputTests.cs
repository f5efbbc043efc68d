using LlmTelemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>What the generator writes, held against golden files, and that it compiles warning-free.</summary>
public sealed class GeneratorOutputTests
{
    [Theory]
    [InlineData(nameof(Scenarios.MeaiChat), Scenarios.MeaiChat, "Contoso.Support.SupportBot.LlmTelemetry.g.cs")]
    [InlineData(nameof(Scenarios.UserTypes), Scenarios.UserTypes, "Contoso.Local.LocalModel.LlmTelemetry.g.cs")]
    [InlineData(nameof(Scenarios.OpenAI), Scenarios.OpenAI, "Contoso.Direct.DirectClient.LlmTelemetry.g.cs")]
    [InlineData(nameof(Scenarios.ClassifiedAndEmbeddings), Scenarios.ClassifiedAndEmbeddings, "Contoso.Compliance.Assistant.LlmTelemetry.g.cs")]
    [InlineData(nameof(Scenarios.Retrieval), Scenarios.Retrieval, "Contoso.Rag.Retriever.LlmTelemetry.g.cs")]
    [InlineData(nameof(Scenarios.Guards), Scenarios.Guards, "Contoso.Guarded.Assistant.LlmTelemetry.g.cs")]
    public void Generated_source_matches_the_golden_file_and_compiles(string name, string source, string hintName)
    {
        GeneratorResult result = GeneratorHarness.Run(source);

        Assert.Single(result.Sources);
        Assert.Equal(hintName, result.Sources[0].HintName);
        Golden.AssertMatches(name, result.Sources[0].SourceText.ToString());
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
    public void Without_client_libraries_user_types_still_generate_and_compile()
    {
        GeneratorResult result = GeneratorHarness.Run(TestReferences.WithoutClientLibraries, Scenarios.UserTypes);

        Assert.Single(result.Sources);
        Assert.DoesNotContain("Microsoft.Extensions.AI", result.Sources[0].SourceText.ToString());
        result.AssertCompilesCleanly();
    }
}

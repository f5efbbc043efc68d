using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>The pipeline caches: an edit that does not touch an operation reuses every step and every output.</summary>
public sealed class IncrementalTests
{
    private const string Unrelated = "namespace Contoso.Other; public class Clock { public int Now => 1; }";

    [Fact]
    public void An_edit_in_another_file_leaves_every_step_and_output_cached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        CSharpCompilation edited = Replace(compilation, 1, Unrelated.Replace("=> 1", "=> 2"));
        GeneratorRunResult run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Operations]);
        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Files]);
        AssertAllCached(run.TrackedOutputSteps.SelectMany(static s => s.Value));
    }

    [Fact]
    public void An_edit_in_the_operations_file_that_changes_nothing_relevant_reuses_the_output()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        CSharpCompilation edited = Replace(compilation, 0, Scenarios.MeaiChat.Replace("private Task<ChatResponse> AnswerCoreAsync", "// a comment\n    private Task<ChatResponse> AnswerCoreAsync"));
        GeneratorRunResult run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Operations]);
        AssertAllCached(run.TrackedOutputSteps.SelectMany(static s => s.Value));
    }

    [Fact]
    public void Changing_an_operation_regenerates_its_file()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        CSharpCompilation edited = Replace(compilation, 0, Scenarios.MeaiChat.Replace("Model = \"gpt-4o-mini\", ServerAddress", "Model = \"gpt-4.1\", ServerAddress"));
        GeneratorRunResult run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(run.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"gpt-4.1\"", run.GeneratedSources.Single(static s => s.HintName.StartsWith("Contoso.", System.StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void A_keystroke_inside_a_method_body_of_one_file_regenerates_no_file()
    {
        string[] files = Enumerable.Range(0, 3).Select(BotFile).ToArray();
        CSharpCompilation compilation = GeneratorHarness.Compilation(null, files);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        CSharpCompilation edited = Replace(compilation, 1, files[1].Replace("\"reply 1\"", "\"reply 1, edited\""));
        GeneratorRunResult run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Each annotated method is read again from the new compilation (as ForAttributeWithMetadataName does for
        // every generator) and compares equal, so grouping and emission are skipped for every file.
        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Operations]);
        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Files]);
        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Readers]);
        AssertAllCached(run.TrackedOutputSteps.SelectMany(static s => s.Value));
        Assert.Equal(4, run.GeneratedSources.Length); // a file per type and the shared readers
    }

    private static string BotFile(int index) => $$"""
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;

        namespace Contoso.Bots{{index}};

        public partial class Bot{{index}}(IChatClient chat)
        {
            [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
            public partial Task<ChatResponse> AnswerAsync([Prompt] string question);

            private Task<ChatResponse> AnswerCoreAsync(string question) => chat.GetResponseAsync(question + Suffix());

            private static string Suffix() => "reply {{index}}";
        }
        """;

    [Fact]
    public void With_the_latest_conventions_an_edit_in_another_file_leaves_every_step_and_output_cached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce(BuildProperties.SemanticConventions("latest"));

        CSharpCompilation edited = Replace(compilation, 1, Unrelated.Replace("=> 1", "=> 2"));
        GeneratorRunResult run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.SemanticConventions]);
        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Files]);
        AssertAllCached(run.TrackedOutputSteps.SelectMany(static s => s.Value));
        Assert.Contains("V0_1Conventions", run.GeneratedSources[0].SourceText.ToString());
    }

    [Fact]
    public void Choosing_another_release_rewrites_the_files_and_nothing_upstream_of_them()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce();

        GeneratorRunResult run = driver
            .WithUpdatedAnalyzerConfigOptions(BuildProperties.SemanticConventions("both"))
            .RunGenerators(compilation)
            .GetRunResult().Results.Single();

        AssertAllCached(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Operations]);
        Assert.All(run.TrackedSteps[LlmOperationGenerator.TrackingNames.Files].SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Contains("BaselineAndV0_1Conventions", run.GeneratedSources.Single(static s => s.HintName.EndsWith("SupportBot.LlmTelemetry.g.cs", System.StringComparison.Ordinal)).SourceText.ToString());
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce(BuildProperties? properties = null)
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(null, Scenarios.MeaiChat, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(properties).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string source)
    {
        SyntaxTree old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertAllCached(IEnumerable<IncrementalGeneratorRunStep> steps)
    {
        List<IncrementalGeneratorRunStep> all = steps.ToList();
        Assert.NotEmpty(all);
        foreach (IncrementalGeneratorRunStep step in all)
        {
            foreach ((object _, IncrementalStepRunReason reason) in step.Outputs)
            {
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{step.Name}' re-ran: {reason}.");
            }
        }
    }
}

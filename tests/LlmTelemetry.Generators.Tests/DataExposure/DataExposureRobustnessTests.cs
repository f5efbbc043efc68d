using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>Shapes of real code that once crashed the data-exposure analysis: each must be analyzed, not thrown on.</summary>
public sealed class DataExposureRobustnessTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        Compilation compilation = GeneratorHarness.Compilation(TestReferences.All, DataExposureFlowTests.Usings + source)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new DataExposureAnalyzer()], new AnalyzerOptions([]))
            .GetAllDiagnosticsAsync();
        Diagnostic[] crashes = diagnostics.Where(static d => d.Id == "AD0001").ToArray();
        Assert.True(crashes.Length == 0, string.Join("\n", crashes.Select(static d => d.ToString())));
        return diagnostics.Where(static d => d.Id.StartsWith("LLMT", System.StringComparison.Ordinal)).ToImmutableArray();
    }

    [Fact]
    public async Task A_helper_returning_a_string_local_whose_result_is_logged()
    {
        ImmutableArray<Diagnostic> found = await AnalyzeAsync("""
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                private static string? Describe(object? value)
                {
                    if (value is string text)
                    {
                        return text;
                    }

                    string fallback = "none";
                    return fallback;
                }

                public async Task AskAsync()
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    logger.LogInformation("Answer: {Answer}", Describe(response.Text));
                }
            }
            """);

        Assert.Contains(found, d => d.Id == "LLMT1001");
    }

    [Fact]
    public async Task A_generic_local_function_called_with_a_type_argument_in_top_level_statements()
    {
        ImmutableArray<Diagnostic> found = await AnalyzeAsync("""
            IChatClient chat = null!;
            ILogger logger = null!;
            ChatResponse response = await chat.GetResponseAsync("Hello");
            string Echo<TKey>(string text) => text;
            logger.LogInformation("{Answer}", Echo<int>(response.Text));
            """, OutputKind.ConsoleApplication);

        Assert.Contains(found, d => d.Id == "LLMT1001");
    }

    [Fact]
    public async Task A_ten_thousand_term_concatenation_ending_in_a_log_call_is_analyzed_to_its_end()
    {
        var terms = new System.Text.StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            terms.Append("\"part\" + count + ");
        }

        ImmutableArray<Diagnostic> found = await AnalyzeAsync($$"""
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(int count)
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    logger.LogInformation("{Answer}", {{terms}}response.Text);
                }
            }
            """);

        Assert.Contains(found, d => d.Id == "LLMT1001");
    }

    [Theory]
    [InlineData(400, true)] // within the bound: analyzed
    [InlineData(5_000, false)] // past it: given up on, not judged
    public async Task Deeply_nested_calls_are_analyzed_within_the_nesting_bound_and_given_up_on_past_it(int depth, bool judged)
    {
        string nested = string.Concat(Enumerable.Repeat("Wrap(", depth)) + "response.Text" + new string(')', depth);

        ImmutableArray<Diagnostic> found = await AnalyzeAsync($$"""
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                private static string Wrap(string text) => text;

                public async Task AskAsync()
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    logger.LogInformation("{Answer}", {{nested}});
                }
            }
            """);

        Assert.Equal(judged, found.Any(d => d.Id == "LLMT1001"));
    }

    [Fact]
    public void Local_functions_that_each_call_the_next_twice_are_walked_once_each()
    {
        const int levels = 22;
        var functions = new System.Text.StringBuilder();
        for (int i = 0; i < levels; i++)
        {
            functions.Append($"        string L{i}(string t) {{ L{i + 1}(t); return L{i + 1}(t); }}\n");
        }

        functions.Append($"        string L{levels}(string t) {{ logger.LogInformation(\"{{A}}\", t); return t; }}\n");
        AnalyzedMethod method = AnalyzedMethod.Load(DataExposureFlowTests.Usings + $$"""
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    L0(response.Text);
            {{functions}}
                }
            }
            """, "AskAsync");

        ImmutableArray<Finding> findings = Analyze(method);

        Assert.Single(findings);
        Assert.InRange(method.Exposure.Evaluations, 1, 20 * (levels + 1)); // 237 when written: linear in the functions, not 2^22 walks
    }

    [Fact]
    public void Nested_lambdas_in_loops_are_walked_once_per_state_not_once_per_pass()
    {
        const int levels = 30;
        // Each loop's second pass starts from another state (its carry now holds the text), so each lambda is met twice.
        string open = string.Concat(Enumerable.Range(0, levels).Select(i => $"string carry{i} = \"\"; for (int i{i} = 0; i{i} < 2; i{i}++) {{ Action a{i} = () => {{ "));
        string close = string.Concat(Enumerable.Range(0, levels).Reverse().Select(i => $"}}; a{i}(); carry{i} = text; }} "));
        AnalyzedMethod method = AnalyzedMethod.Load(DataExposureFlowTests.Usings + $$"""
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    string text = response.Text;
                    {{open}} logger.LogInformation("{A}", text); {{close}}
                }
            }
            """, "AskAsync");

        ImmutableArray<Finding> findings = Analyze(method);

        Assert.Single(findings);
        Assert.InRange(method.Exposure.Evaluations, 1, 30_000); // 18,184 when written; each pass of each loop over again would be 2^30 walks
    }

    [Fact]
    public async Task A_two_thousand_branch_else_if_chain_is_walked_to_its_last_branch()
    {
        string branches = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"if (count == {i}) {{ logger.LogInformation(\"{{A}}\", count); }} else "));

        ImmutableArray<Diagnostic> found = await AnalyzeAsync($$"""
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(int count)
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    {{branches}} { logger.LogInformation("{Answer}", response.Text); }
                }
            }
            """);

        Assert.Contains(found, d => d.Id == "LLMT1001");
    }

    [Fact]
    public void A_cancelled_summary_is_not_remembered()
    {
        AnalyzedMethod method = AnalyzedMethod.Load(DataExposureFlowTests.Usings + """
            public class Bot(ILogger<Bot> logger)
            {
                public string Echo(string text)
                {
                    logger.LogInformation("{Text}", text);
                    return text;
                }
            }
            """, "Echo");
        var echo = (IMethodSymbol)method.Owner;
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<System.OperationCanceledException>(() => method.Exposure.Summarize(echo, 1, cancelled.Token));
        MethodFlowResult summary = method.Exposure.Summarize(echo, 1, System.Threading.CancellationToken.None);

        Assert.True(summary.IsKnown);
        Assert.Contains(summary.ParameterSinks, sink => sink.Ordinal == 0);
    }

    private static ImmutableArray<Finding> Analyze(AnalyzedMethod method) =>
        DataExposureAnalyzer.Analyze(method.Exposure, method.Owner, method.Body, body => DataExposureContext.GraphOf(body, default)!, default);
}

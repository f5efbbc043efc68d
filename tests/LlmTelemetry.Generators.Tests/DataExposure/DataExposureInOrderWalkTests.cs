using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>
/// The walk in order (no control-flow graph) against the walk over the graph: for every method of a corpus that the
/// walk in order accepts, both must find the same exposures and give callers the same summary; what it must not
/// accept goes to the graph.
/// </summary>
public sealed class DataExposureInOrderWalkTests
{
    private const string Corpus = DataExposureFlowTests.Usings + """
        public class Bot(IChatClient chat, ILogger<Bot> logger)
        {
            private string _last = "";

            public async Task Straight()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string text = response.Text;
                logger.LogInformation("Answer {Answer}", text);
                logger.LogInformation("Tokens {Tokens}", response.Usage?.OutputTokenCount);
            }

            public async Task OverwrittenOnBothBranches()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                if (response.Messages.Count > 1)
                {
                    note = "several";
                }
                else
                {
                    note = "one";
                }

                logger.LogInformation("Note {Note}", note);
            }

            public async Task OverwrittenOnOneBranch(bool verbose)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string note = "none";
                if (verbose)
                {
                    note = response.Text;
                }

                logger.LogInformation("Note {Note}", note);
            }

            public async Task ClearedOnOneBranch(bool quiet)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                if (quiet)
                {
                    note = "quiet";
                }

                logger.LogInformation("Kept {Note}", note);
            }

            public async Task ReturnOnOneBranch(bool verbose)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                if (!verbose)
                {
                    note = "quiet";
                    logger.LogInformation("Quiet {Note}", note);
                    return;
                }

                logger.LogInformation("Verbose {Note}", note);
            }

            public async Task ThrowOnOneBranch()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                if (response.Text.Length == 0)
                {
                    throw new System.InvalidOperationException("Empty answer to " + response.Text);
                }

                logger.LogInformation("Done {Length}", response.Text.Length);
            }

            public async Task ConditionalAccessAndCoalesce(ChatResponse? previous)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                logger.LogInformation("Previous {Previous}", previous?.Text ?? "none");
                logger.LogInformation("Model {Model}", response?.ModelId ?? "unknown");
                logger.LogInformation("First {First}", response?.Messages.FirstOrDefault()?.Text);
            }

            public async Task TernaryAndLogical(bool verbose)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string shown = verbose ? response.Text : "hidden";
                logger.LogInformation("Shown {Shown}", shown);
                bool long_ = response.Text.Length > 10 && response.Text.Contains("x");
                logger.LogInformation("Long {Long}", long_);
            }

            public async Task OutVariableInACondition(string userId)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                if (int.TryParse(response.Text, out int count) && count > 0)
                {
                    logger.LogInformation("Count {Count} for {User}", count, userId);
                }
            }

            public async Task BuilderAndInterpolation()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                var builder = new StringBuilder();
                builder.Append("Answer: ").Append(response.Text);
                logger.LogInformation("Built {Built}", builder.ToString());
                logger.LogInformation($"Interpolated {response.Text}");
                Console.WriteLine($"Model {response.ModelId}");
            }

            public async Task InitializersAndHandlers()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                var lines = new List<string> { "first", response.Text };
                var byKey = new Dictionary<string, string> { ["answer"] = response.Text };
                var counts = new List<int> { response.Text.Length };
                var builder = new StringBuilder();
                builder.Append($"<{response.Text}>");
                logger.LogInformation("Lines {Lines}", lines);
                logger.LogInformation("By key {ByKey}", byKey);
                logger.LogInformation("Counts {Counts}", counts);
                logger.LogInformation("Handled {Handled}", builder.ToString());
            }

            public async Task PatternVariables()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                if (response.Text is { Length: > 0 } answer)
                {
                    logger.LogInformation("Matched {Answer}", answer);
                }

                if (response.ModelId is string model && model.Length > 0)
                {
                    logger.LogInformation("Model {Model}", model);
                }

                if (response is { Text: var member, ModelId: var id })
                {
                    logger.LogInformation("Member {Member} of {Id}", member, id);
                }

                if (response is { Messages: [{ Text: var first }, ..] })
                {
                    logger.LogInformation("First {FirstMessage}", first);
                }
            }

            public async Task<string> ReturnsTextOrConstant(bool verbose)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                if (verbose)
                {
                    return response.Text;
                }

                return "quiet";
            }

            public string EchoOrConstant(string text, bool echo) => echo ? text : "none";

            public void LogsItsParameterOnOneBranch(string text, bool verbose)
            {
                if (verbose)
                {
                    logger.LogInformation("Text {Text}", text);
                }
            }

            public async Task StoresAField()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                _last = response.Text;
                logger.LogInformation("Last {Last}", _last);
                _last = "cleared";
                logger.LogInformation("Cleared {Last}", _last);
            }

            public void FieldCleanedOnOneBranch(bool clear)
            {
                if (clear)
                {
                    _last = "cleared";
                }

                logger.LogInformation("Field {Field}", _last);
            }

            public async Task CallsWrappers()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                LogsItsParameterOnOneBranch(response.Text, verbose: true);
                logger.LogInformation("Echo {Echo}", EchoOrConstant(response.Text, echo: false));
            }

            public async Task SentBeforeLogged(string question)
            {
                logger.LogInformation("Asking {Question}", question);
                await chat.GetResponseAsync(question);
            }

            public async Task Loop(int count)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                for (int i = 0; i < count; i++)
                {
                    logger.LogInformation("Round {Text}", response.Text);
                }
            }

            public async Task TryCatch()
            {
                try
                {
                    ChatResponse response = await chat.GetResponseAsync("hi");
                    logger.LogInformation("Answer {Answer}", response.Text);
                }
                catch (System.Exception exception)
                {
                    logger.LogError(exception, "Failed");
                }
            }

            public async Task Lambda()
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                System.Action log = () => logger.LogInformation("Later {Text}", response.Text);
                log();
            }

            public async Task WriteInsideAnExpressionBranch(bool verbose)
            {
                ChatResponse response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                string shown = verbose ? (note = "x") : "y";
                logger.LogInformation("Note {Note} {Shown}", note, shown);
            }
        }
        """;

    public static IEnumerable<object[]> InOrderMethods() =>
        new[]
        {
            "Straight", "OverwrittenOnBothBranches", "OverwrittenOnOneBranch", "ClearedOnOneBranch", "ReturnOnOneBranch", "ThrowOnOneBranch",
            "ConditionalAccessAndCoalesce", "TernaryAndLogical", "OutVariableInACondition", "BuilderAndInterpolation", "InitializersAndHandlers", "PatternVariables",
            "ReturnsTextOrConstant", "EchoOrConstant", "LogsItsParameterOnOneBranch", "StoresAField", "FieldCleanedOnOneBranch", "CallsWrappers", "SentBeforeLogged",
        }.Select(static name => new object[] { name });

    [Theory]
    [MemberData(nameof(InOrderMethods))]
    public void A_method_walked_in_order_is_found_and_summarized_as_over_its_graph(string method)
    {
        (DataExposureContext exposure, ISymbol owner, IOperation body) = AnalyzedMethod.Load(Corpus, method);
        var methodBody = (IMethodBodyOperation)body;
        IOperation block = methodBody.BlockBody ?? methodBody.ExpressionBody!; // what an analyzer's operation block action is handed
        Assert.True(BodyScan.Of(body).CanWalkInOrder);
        Assert.True(BodyScan.Of(block).CanWalkInOrder);

        for (int depth = 0; depth <= 1; depth++)
        {
            MethodFlowResult overGraph = Analyze(exposure, owner, body, ControlFlowGraph.Create(methodBody), depth);
            MethodFlowResult inOrder = Analyze(exposure, owner, block, graph: null, depth);

            Assert.Equal(Describe(overGraph.Findings), Describe(inOrder.Findings));
            Assert.Equal(overGraph.Returned, inOrder.Returned);
            Assert.Equal(overGraph.ParameterSinks.OrderBy(static s => s.Ordinal), inOrder.ParameterSinks.OrderBy(static s => s.Ordinal));
            Assert.Equal(
                overGraph.FieldWrites.Select(static w => (w.Key.Name, w.Value)).OrderBy(static w => w.Name),
                inOrder.FieldWrites.Select(static w => (w.Key.Name, w.Value)).OrderBy(static w => w.Name));
        }
    }

    [Theory]
    [InlineData("Loop")]
    [InlineData("TryCatch")]
    [InlineData("Lambda")]
    [InlineData("WriteInsideAnExpressionBranch")]
    public void A_method_with_more_than_branches_and_returns_goes_to_the_graph(string method)
    {
        var body = (IMethodBodyOperation)AnalyzedMethod.Load(Corpus, method).Body;

        Assert.False(BodyScan.Of(body).CanWalkInOrder);
        Assert.False(BodyScan.Of(body.BlockBody!).CanWalkInOrder);
    }

    [Fact]
    public async Task What_the_analyzer_reports_through_either_walk()
    {
        string markup = Corpus
            .Replace("logger.LogInformation(\"Answer {Answer}\", text);", "logger.LogInformation(\"Answer {Answer}\", {|LLMT1001:text|});")
            .Replace("logger.LogInformation(\"Note {Note}\", note);\n    }\n\n    public async Task ClearedOnOneBranch", "logger.LogInformation(\"Note {Note}\", {|LLMT1001:note|});\n    }\n\n    public async Task ClearedOnOneBranch")
            .Replace("logger.LogInformation(\"Kept {Note}\", note);", "logger.LogInformation(\"Kept {Note}\", {|LLMT1001:note|});")
            .Replace("logger.LogInformation(\"Verbose {Note}\", note);", "logger.LogInformation(\"Verbose {Note}\", {|LLMT1001:note|});")
            .Replace("(\"Empty answer to \" + response.Text)", "({|LLMT1004:\"Empty answer to \" + response.Text|})")
            .Replace("logger.LogInformation(\"Previous {Previous}\", previous?.Text ?? \"none\");", "logger.LogInformation(\"Previous {Previous}\", {|LLMT1001:previous?.Text ?? \"none\"|});")
            .Replace("logger.LogInformation(\"First {First}\", response?.Messages.FirstOrDefault()?.Text);", "logger.LogInformation(\"First {First}\", {|LLMT1001:response?.Messages.FirstOrDefault()?.Text|});")
            .Replace("logger.LogInformation(\"Shown {Shown}\", shown);", "logger.LogInformation(\"Shown {Shown}\", {|LLMT1001:shown|});")
            .Replace("logger.LogInformation(\"Built {Built}\", builder.ToString());", "logger.LogInformation(\"Built {Built}\", {|LLMT1001:builder.ToString()|});")
            .Replace("logger.LogInformation($\"Interpolated {response.Text}\");", "logger.LogInformation({|LLMT1001:$\"Interpolated {response.Text}\"|});")
            .Replace("logger.LogInformation(\"Lines {Lines}\", lines);", "logger.LogInformation(\"Lines {Lines}\", {|LLMT1001:lines|});")
            .Replace("logger.LogInformation(\"By key {ByKey}\", byKey);", "logger.LogInformation(\"By key {ByKey}\", {|LLMT1001:byKey|});")
            .Replace("logger.LogInformation(\"Handled {Handled}\", builder.ToString());", "logger.LogInformation(\"Handled {Handled}\", {|LLMT1001:builder.ToString()|});")
            .Replace("logger.LogInformation(\"Field {Field}\", _last);", "logger.LogInformation(\"Field {Field}\", {|LLMT1001:_last|});")
            .Replace("logger.LogInformation(\"Matched {Answer}\", answer);", "logger.LogInformation(\"Matched {Answer}\", {|LLMT1001:answer|});")
            .Replace("logger.LogInformation(\"Member {Member} of {Id}\", member, id);", "logger.LogInformation(\"Member {Member} of {Id}\", {|LLMT1001:member|}, id);")
            .Replace("logger.LogInformation(\"First {FirstMessage}\", first);", "logger.LogInformation(\"First {FirstMessage}\", {|LLMT1001:first|});")
            .Replace("logger.LogInformation(\"Last {Last}\", _last);", "logger.LogInformation(\"Last {Last}\", {|LLMT1001:_last|});")
            .Replace("LogsItsParameterOnOneBranch(response.Text, verbose: true);", "LogsItsParameterOnOneBranch({|LLMT1001:response.Text|}, verbose: true);")
            .Replace("logger.LogInformation(\"Echo {Echo}\", EchoOrConstant(response.Text, echo: false));", "logger.LogInformation(\"Echo {Echo}\", {|LLMT1001:EchoOrConstant(response.Text, echo: false)|});")
            .Replace("logger.LogInformation(\"Asking {Question}\", question);", "logger.LogInformation(\"Asking {Question}\", {|LLMT1001:question|});")
            .Replace("logger.LogInformation(\"Round {Text}\", response.Text);", "logger.LogInformation(\"Round {Text}\", {|LLMT1001:response.Text|});")
            .Replace("logger.LogInformation(\"Answer {Answer}\", response.Text);", "logger.LogInformation(\"Answer {Answer}\", {|LLMT1001:response.Text|});")
            .Replace("() => logger.LogInformation(\"Later {Text}\", response.Text);", "() => logger.LogInformation(\"Later {Text}\", {|LLMT1001:response.Text|});")
            .Replace("logger.LogInformation(\"Note {Note} {Shown}\", note, shown);", "logger.LogInformation(\"Note {Note} {Shown}\", {|LLMT1001:note|}, shown);");
        await Verify.VerifyAsync(markup);
    }

    private static MethodFlowResult Analyze(DataExposureContext exposure, ISymbol owner, IOperation body, ControlFlowGraph? graph, int depth) =>
        exposure.Analyze(owner, body, graph, depth, default);

    private static IEnumerable<string> Describe(IEnumerable<Finding> findings) =>
        findings.Select(static f => $"{f.Sink.Kind} {f.Sink.Name} at {f.ValueLocation.SourceSpan} (leaf {f.LeafLocation.SourceSpan}): {f.Source.Description} at {f.Source.Location.SourceSpan}");
}

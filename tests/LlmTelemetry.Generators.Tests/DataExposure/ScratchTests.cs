using System.Linq;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace LlmTelemetry.Generators.Tests.DataExposure;

file sealed class EmptyProvider : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => new EmptyOptions();
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new EmptyOptions();
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new EmptyOptions();
}

file sealed class EmptyOptions : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) { value = null; return false; }
}

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public async System.Threading.Tasks.Task Dump()
    {
        string source = DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    var builder = new StringBuilder();
                    builder.Append($"<{response.Text}>");
                    logger.LogInformation(builder.ToString());
                }
            }
            """;
        var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        foreach (var d in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)) output.WriteLine(d.ToString());
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();
        var body = (Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)model.GetOperation(method)!;
        var cfg = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body);
        foreach (var b in cfg.Blocks)
        {
            output.WriteLine($"Block {b.Ordinal} {b.Kind}");
            foreach (var op in b.Operations) foreach (var d in op.DescendantsAndSelf()) output.WriteLine("  " + d.Kind + ": " + d.Syntax + " :: " + (d as Microsoft.CodeAnalysis.Operations.IInvocationOperation)?.TargetMethod);
            if (b.BranchValue != null) output.WriteLine("  branch " + b.BranchValue.Kind + ": " + b.BranchValue.Syntax);
        }
        var catalog = new LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureCatalog(compilation, new LlmTelemetry.Generators.Analyzers.ModelCallCatalog(compilation));
        output.WriteLine("relevant " + catalog.IsRelevant);
        var ctx = new LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureContext(compilation, catalog, null, new EmptyProvider());
        var opts = ctx.OptionsFor(tree);
        output.WriteLine("candidates " + new LlmTelemetry.Generators.Analyzers.DataExposure.ExposureCandidates(ctx, opts).Contains(body, model.GetDeclaredSymbol(method)!, default));
        var result = ctx.Analyze(model.GetDeclaredSymbol(method)!, body, cfg, 0, default);
        foreach (var f in result.Findings) output.WriteLine("finding " + f);
        var diags = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer())).GetAllDiagnosticsAsync();
        foreach (var d in diags.Where(d => d.Id.StartsWith("LLMT") || d.Id.StartsWith("AD"))) output.WriteLine(d.ToString());
    }
}

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

/// <summary>Code as it is while being typed: the generator and the analyzer neither crash nor write broken code.</summary>
public sealed class IncompleteCodeTests
{
    private const string Prelude = "using System.Threading.Tasks;\nusing LlmTelemetry;\n";

    public static TheoryData<string> Snippets() => new()
    {
        "public partial class Bot { [LlmOperation( public partial string Ask(string q); }",
        "public partial class Bot { [LlmOperation(Provider = )] public partial string Ask(string q); private string AskCore(string q) => q; }",
        "public partial class Bot { [LlmOperation] public partial Task< Ask(string q); }",
        "public partial class Bot { [LlmOperation] public partial string Ask(string q }",
        "public partial class Bot { [LlmOperation] public partial Ask(string q); }",
        "public partial class Bot { [LlmOperation] public partial Unknown Ask(string q); private Unknown AskCore(string q) => default; }",
        "public partial class Bot { [LlmOperation] public partial string Ask(Unknown q); private string AskCore(Unknown q) => \"\"; }",
        "public partial class Bot { [LlmOperation(Implementation = nameof())] public partial string Ask(string q); }",
        "public partial class Bot { [LlmOperation(Implementation = 42)] public partial string Ask(string q); }",
        "public partial class Bot { [LlmOperation(null)] public partial string Ask(string q); private string AskCore(string q) => q; }",
        "public partial class Bot { [LlmOperation(ServerPort = \"x\")] public partial string Ask(string q); private string AskCore(string q) => q; }",
        "public partial class Bot { [LlmOperation] public partial T Ask<T>(T q) where T : ; private T AskCore<T>(T q) => q; }",
        "public partial class Bot<T> where T : Unknown { [LlmOperation] public partial string Ask(string q); private string AskCore(string q) => q; }",
        "public sealed class R { [InputTokens] public Unknown Tokens { get; set; } } public partial class Bot { [LlmOperation] public partial R Ask(); private R AskCore() => new(); }",
        "public partial class Bot { [LlmOperation] public partial string Ask([Prompt] string q, [Model] Unknown m); }",
        "public partial class { [LlmOperation] public partial string Ask(string q); }",
        "public partial class { [LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] public partial string Ask(string q); private string AskCore(string q) => q; }",
        "public partial class Bot { [LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] public partial string Ask(string q); public partial class { } }",
        "[LlmOperation] public partial string Ask(string q);",
        "public partial class Bot { [LlmOperation] public partial string Ask(string q) }",
        "public partial class Bot { [LlmOperation] public static partial System.Collections.Generic.IAsyncEnumerable<> Ask(); }",
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task Neither_the_generator_nor_the_analyzer_crashes(string snippet)
    {
        GeneratorResult result = GeneratorHarness.Run(Prelude + snippet); // asserts the generator threw nothing

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        foreach (GeneratedSourceResult source in result.Sources)
        {
            // Whatever was written must not add errors of its own.
            Assert.DoesNotContain(result.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(source.HintName, System.StringComparison.Ordinal) == true);
        }

        ImmutableArray<Diagnostic> analyzerDiagnostics = await result.Output
            .WithAnalyzers([new LlmOperationUsageAnalyzer()], new AnalyzerOptions([]))
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(analyzerDiagnostics, d => d.Id == "AD0001");
    }

    private const string ChatPrelude = "using System;\nusing System.Threading.Tasks;\nusing LlmTelemetry;\nusing Microsoft.Extensions.AI;\nusing Microsoft.Extensions.Logging;\n";

    public static TheoryData<string> ExposureSnippets() => new()
    {
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { var r = await chat.GetResponseAsync(; logger.LogInformation(r.Text); } }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { var r = await chat.GetResponseAsync(\"q\"); logger.LogInformation(r. ); } }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { var r = await chat.GetResponseAsync(\"q\"); logger.LogInformation($\"{r.Text\"); } }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { var r = await chat.GetResponseAsync(\"q\"); logger.LogInformation(Unknown(r.Text)); } }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { var r = await chat.GetResponseAsync(\"q\"); Helper(r.Text); } void Helper(string t) => logger.LogInformation(t }",
        "public class Bot(IChatClient chat, ILogger logger) { string? _f; public async Task Ask() { _f = (await chat.GetResponseAsync(\"q\")).Text; } public void Dump() => logger.LogInformation(_f, ); }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { for (var r = await chat.GetResponseAsync(\"q\"); ; ) { logger.LogInformation(r.Text); goto x; } } }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask([Prompt] string q) { Action a = () => logger.LogInformation(q; void L() => L(); L(); } }",
        "public class Bot(IChatClient chat, ILogger logger) { public async Task Ask() { try { var r = await chat.GetResponseAsync(\"q\"); } catch { logger.LogInformation(r.Text); } finally { throw new Exception(; } } }",
        "public static class S { public static void C(LlmTelemetryOptions o) { o.CaptureMessageContent = ; AppContext.SetSwitch(\"Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive\", ); } }",
        "public static class S { public static void C(LlmTelemetryOptions o) { if (env.IsDevelopment() o.CaptureMessageContent = true; } }",
    };

    [Theory]
    [MemberData(nameof(ExposureSnippets))]
    public async Task The_data_exposure_and_tracing_analyzers_do_not_crash(string snippet)
    {
        GeneratorResult result = GeneratorHarness.Run(ChatPrelude + snippet);

        ImmutableArray<Diagnostic> analyzerDiagnostics = await result.Output
            .WithAnalyzers([new DataExposureAnalyzer(), new RawContentCaptureAnalyzer(), new UntracedModelCallAnalyzer()], new AnalyzerOptions([]))
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(analyzerDiagnostics, d => d.Id == "AD0001");
    }
}

using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
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
}

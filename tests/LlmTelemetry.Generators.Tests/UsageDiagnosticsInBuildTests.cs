using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// The usage diagnostics as <c>dotnet build</c> and the IDE see them: after the generator ran. Its bodies make an operation
/// method partly generated code, and csc runs no analyzer on a compilation that already has an error of its own, so a
/// diagnostic the analyzer tests see could still never reach a user.
/// </summary>
public sealed class UsageDiagnosticsInBuildTests
{
    private const string Prelude = UsageAnalyzerTests.Prelude;

    [Fact]
    public async Task A_warning_on_a_method_whose_body_was_generated_is_reported()
    {
        GeneratorResult result = GeneratorHarness.Run(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai")]
                public partial Task<Reply> AskAsync(string question);

                private Task<Reply> AskCoreAsync(string question) => Task.FromResult(new Reply());
            }
            """);

        Assert.Contains(result.Sources, s => s.HintName == "Bot.LlmTelemetry.g.cs");
        Diagnostic noModel = Assert.Single(await AnalyzerDiagnosticsAsync(result), d => d.Id == "LLMT0006");
        Assert.Equal("User0.cs", noModel.Location.SourceTree?.FilePath);
    }

    public static TheoryData<string, string> BlockedOperations() => new()
    {
        // No implementation method, in the shapes a placeholder body must still declare correctly.
        { "LLMT0003", "public partial Task<Reply> AskAsync(string question);" },
        { "LLMT0003", "internal static partial void Note(ref int a, in int b, out int c, params string[] rest);" },
        { "LLMT0003", "protected partial T Pick<T>(T value) where T : class, new();" },
        { "LLMT0003", "public unsafe partial int Peek(int* p);" },
        // An implementation with another signature.
        { "LLMT0004", "public partial Task<Reply> AnswerAsync(string question); private Task<string> AnswerCoreAsync(string question) => Task.FromResult(question);" },
        // A return type the generator cannot instrument (by reference).
        { "LLMT0005", "public partial ref int Slot(); private ref int SlotCore() => ref _slot; private int _slot;" },
        // An invalid attribute argument on an otherwise valid operation.
        { "LLMT0009", "[LlmOperation(Provider = \"openai\", Model = \"gpt-4o\", ServerAddress = \"api.openai.com\", ServerPort = 70000)] public partial Reply Ask(string q); private Reply AskCore(string q) => new();" },
        // Both an operation and a retrieval: one placeholder body, not one for each attribute (CS0757).
        { "LLMT0018", "[LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] [Retrieval(DataSource = \"kb\")] public partial Reply Ask(string q); private Reply AskCore(string q) => new();" },
        { "LLMT0018", "[Retrieval(DataSource = \"kb\")] [LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] public partial Task<Reply> AskAsync(string q); private Task<Reply> AskCoreAsync(string q) => Task.FromResult(new Reply());" },
    };

    [Theory]
    [MemberData(nameof(BlockedOperations))]
    public async Task A_usage_error_is_the_only_error_the_build_reports(string id, string members)
    {
        string attribute = members.StartsWith('[') ? string.Empty : "[LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] ";
        GeneratorResult result = GeneratorHarness.Run(Prelude + $$"""
            public partial class Bot
            {
                {{attribute}}{{members}}
            }
            """);

        // The compiler has nothing to say (no CS8795 for a missing body), so csc goes on to run the analyzers...
        Assert.Empty(result.CompilationDiagnostics);
        // ...whose error, on the user's declaration, fails the build and says what is wrong.
        Diagnostic error = Assert.Single(await AnalyzerDiagnosticsAsync(result), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(id, error.Id);
        Assert.Equal("User0.cs", error.Location.SourceTree?.FilePath);
        Assert.Contains($"fix error {id} reported on its declaration", result.Source("Bot.LlmTelemetry.g.cs"));
    }

    [Fact]
    public void A_placeholder_body_throws_naming_the_error()
    {
        GeneratorResult result = GeneratorHarness.Run(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial string Ask(string question);

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial string Fine(string question);

                private string FineCore(string question) => question;
            }
            """);

        using LoadedCompilation loaded = LoadedCompilation.Load(result.Output);
        System.Type bot = loaded.GetType("Bot");
        object instance = System.Activator.CreateInstance(bot)!;

        var thrown = Assert.Throws<TargetInvocationException>(() => bot.GetMethod("Ask")!.Invoke(instance, ["q"]));
        Assert.IsType<System.InvalidOperationException>(thrown.InnerException);
        Assert.Contains("LLMT0003", thrown.InnerException!.Message);
        Assert.Equal("q", bot.GetMethod("Fine")!.Invoke(instance, ["q"])); // the valid operation beside it is written as usual
    }

    [Fact]
    public void Where_the_compiler_already_says_what_is_wrong_no_placeholder_is_written()
    {
        // Not partial types (CS0751) and methods that are not partial (CS0501) need no help from a placeholder.
        GeneratorResult result = GeneratorHarness.Run(Prelude + """
            public class NotPartial
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial string Ask(string question);
            }
            """);

        Assert.Empty(result.Sources);
    }

    public static TheoryData<string, string> TypesNotPartial() => new()
    {
        // A top-level class: the compiler says CS0751 and CS8795, neither naming the fix.
        { "public class Bot { [LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] public partial Reply Ask(string q); private Reply AskCore(string q) => new(); }", "Bot" },
        // LLMT0002's own example, a partial type in one that is not: the compiler says only CS8795.
        { "public class Outer { public partial class Bot { [LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] public partial Reply Ask(string q); private Reply AskCore(string q) => new(); } }", "Outer" },
        // The first thing a user tries, an existing method marked: no compiler error, and still one LLMT0002.
        { "public class Bot { [LlmOperation(Provider = \"openai\", Model = \"gpt-4o\")] public Reply Ask(string q) => new(); }", "Bot" },
    };

    [Theory]
    [MemberData(nameof(TypesNotPartial))]
    public async Task A_containing_type_that_is_not_partial_is_reported_once_by_the_generator(string source, string typeName)
    {
        GeneratorResult result = GeneratorHarness.Run(Prelude + source);

        // The generator's diagnostics reach dotnet build whatever errors the compiler has of its own.
        Diagnostic notPartial = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("LLMT0002", notPartial.Id);
        Assert.Equal(DiagnosticSeverity.Error, notPartial.Severity);
        Assert.Equal("User0.cs", notPartial.Location.SourceTree?.FilePath);
        Assert.Equal(typeName, notPartial.Location.SourceTree!.GetText().ToString(notPartial.Location.SourceSpan));
        Assert.Contains($"Type '{typeName}' must be declared 'partial'", notPartial.GetMessage());
        // ...and the analyzer, which the IDE runs too, does not report it a second time.
        Assert.DoesNotContain(await AnalyzerDiagnosticsAsync(result), d => d.Id == "LLMT0002");
    }

    [Fact]
    public void LLMT0002_can_be_suppressed_where_it_is_reported()
    {
        // Reported in the user's syntax tree, not at an external location: #pragma and .editorconfig reach it.
        GeneratorResult result = GeneratorHarness.Run(Prelude + """
            #pragma warning disable LLMT0002
            public class Outer
            {
                public partial class Bot
                {
                    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                    public partial Reply Ask(string q);

                    private Reply AskCore(string q) => new();
                }
            }
            """);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "LLMT0002" && !d.IsSuppressed);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(GeneratorResult result) =>
        await result.Output
            .WithAnalyzers([new LlmOperationUsageAnalyzer()], new AnalyzerOptions([]))
            .GetAnalyzerDiagnosticsAsync();
}

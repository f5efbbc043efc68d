using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.LlmOperationUsageAnalyzer>;

namespace LlmTelemetry.Generators.Tests;

/// <summary>Each LLMT0xxx diagnostic, where it is reported, and when it is not.</summary>
public sealed class UsageAnalyzerTests
{
    // A result type with token members, so that only the diagnostic under test is reported.
    internal const string Prelude = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using LlmTelemetry;

        public sealed class Reply
        {
            [InputTokens] public int In { get; set; }
            [OutputTokens] public int Out { get; set; }
        }

        """;

    [Fact]
    public async Task Valid_operation_has_no_diagnostics()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o", ServerAddress = "api.openai.com", ServerPort = 443)]
                public partial Task<Reply> AskAsync([Prompt] string question);

                private Task<Reply> AskCoreAsync(string question) => Task.FromResult(new Reply());
            }
            """);
    }

    [Fact]
    public async Task LLMT0001_method_not_partial()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public Reply {|LLMT0001:Ask|}(string q) => AskCore(q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0001_partial_method_whose_body_the_user_wrote()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Reply {|LLMT0001:Ask|}(string q);

                public partial Reply Ask(string q) => AskCore(q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0002_is_left_to_the_generator()
    {
        // The generator reports it (UsageDiagnosticsInBuildTests): csc runs no analyzer after the compiler's own errors.
        await Verify.VerifyAsync(Prelude + """
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
    }

    [Fact]
    public async Task LLMT0003_no_method_by_the_conventional_name()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [{|LLMT0003:LlmOperation(Provider = "openai", Model = "gpt-4o")|}]
                public partial Reply Ask(string q);

                private Reply Answer(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0003_no_method_by_the_name_given()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o", {|LLMT0003:Implementation = "Missing"|})]
                public partial Reply Ask(string q);
            }
            """);
    }

    [Theory]
    [InlineData("private Reply {|LLMT0004:AskCore|}(int q) => new();")]
    [InlineData("private Reply {|LLMT0004:AskCore|}(string q, int extra) => new();")]
    [InlineData("private object {|LLMT0004:AskCore|}(string q) => new();")]
    [InlineData("private Reply {|LLMT0004:AskCore|}(ref string q) => new();")]
    public async Task LLMT0004_implementation_with_another_signature(string implementation)
    {
        await Verify.VerifyAsync(Prelude + $$"""
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Reply Ask(string q);

                {{implementation}}
            }
            """);
    }

    [Fact]
    public async Task LLMT0004_instance_implementation_of_a_static_operation()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public static partial Reply Ask(string q);

                private Reply {|LLMT0004:AskCore|}(string q) => new();
            }
            """);
    }

    [Theory]
    [InlineData("ref Reply", "ref Reply AskCore(string q) => ref _reply;")]
    [InlineData("IAsyncEnumerator<Reply>", "IAsyncEnumerator<Reply> AskCore(string q) => null!;")]
    [InlineData("Replies", "Replies AskCore(string q) => new();")]
    [InlineData("Awaitable", "Awaitable AskCore(string q) => new();")]
    public async Task LLMT0005_return_types_that_cannot_be_wrapped(string returnType, string implementation)
    {
        await Verify.VerifyAsync(Prelude + $$"""
            public sealed class Replies : IAsyncEnumerable<Reply>
            {
                public IAsyncEnumerator<Reply> GetAsyncEnumerator(System.Threading.CancellationToken cancellationToken = default) => null!;
            }

            public sealed class Awaitable
            {
                public System.Runtime.CompilerServices.TaskAwaiter GetAwaiter() => Task.CompletedTask.GetAwaiter();
            }

            public partial class Bot
            {
                private Reply _reply = new();

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial {|LLMT0005:{{returnType}}|} Ask(string q);

                private {{implementation}}
            }
            """);
    }

    [Fact]
    public async Task LLMT0006_no_model_anywhere()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [{|LLMT0006:LlmOperation(Provider = "openai")|}]
                public partial Reply Ask(string q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0006_not_reported_with_a_model_parameter()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai")]
                public partial Reply Ask([Model] string model, string q);

                private Reply AskCore(string model, string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0007_provider_that_is_not_well_known()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation({|LLMT0007:Provider = "open-ai"|}, Model = "gpt-4o")]
                public partial Reply Ask(string q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0008_no_provider()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [{|LLMT0008:LlmOperation(Model = "gpt-4o")|}]
                public partial Reply Ask(string q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Theory]
    [InlineData("{|LLMT0009:\"\"|}, Provider = \"openai\", Model = \"gpt-4o\"")]
    [InlineData("Provider = \"openai\", Model = \"gpt-4o\", ServerAddress = \"h\", {|LLMT0009:ServerPort = 70000|}")]
    [InlineData("Provider = \"openai\", Model = \"gpt-4o\", {|LLMT0009:ServerPort = 443|}")]
    [InlineData("Provider = \"openai\", Model = \"gpt-4o\", {|LLMT0009:Implementation = nameof(Ask)|}")]
    public async Task LLMT0009_invalid_attribute_arguments(string arguments)
    {
        await Verify.VerifyAsync(Prelude + $$"""
            public partial class Bot
            {
                [LlmOperation({{arguments}})]
                public partial Reply Ask(string q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Theory]
    [InlineData("[Model] int {|LLMT0010:q|}")]
    [InlineData("[Prompt] int {|LLMT0010:q|}")]
    [InlineData("[SystemInstructions] int {|LLMT0010:q|}")]
    [InlineData("[Prompt] out string {|LLMT0010:q|}")]
    public async Task LLMT0010_parameter_attribute_on_the_wrong_parameter(string parameter)
    {
        string implementationParameter = parameter.Contains("out") ? "out string q" : parameter.Contains("int") ? "int q" : "string q";
        string body = parameter.Contains("out") ? "{ q = \"\"; return new(); }" : "=> new();";
        await Verify.VerifyAsync(Prelude + $$"""
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Reply Ask({{parameter}});

                private Reply AskCore({{implementationParameter}}) {{body}}
            }
            """);
    }

    [Fact]
    public async Task LLMT0010_second_model_parameter_and_model_outside_an_operation()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai")]
                public partial Reply Ask([Model] string model, [Model] string {|LLMT0010:other|});

                private Reply AskCore(string model, string other) => new();

                public void Helper([{|LLMT0010:Model|}] string model, [Prompt] string prompt) { }
            }
            """);
    }

    [Theory]
    [InlineData("Task<string>", "Task.FromResult(q)")]
    [InlineData("object", "new object()")]
    public async Task LLMT0011_result_without_token_usage(string returnType, string value)
    {
        await Verify.VerifyAsync(Prelude + $$"""
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial {|LLMT0011:{{returnType}}|} Ask(string q);

                private {{returnType}} AskCore(string q) => {{value}};
            }
            """);
    }

    [Fact]
    public async Task LLMT0011_not_reported_for_results_that_carry_nothing_to_read()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task WarmAsync();

                [LlmOperation("execute_tool", Provider = "openai", Model = "gpt-4o")]
                public partial string Run(string q);

                private Task WarmCoreAsync() => Task.CompletedTask;

                private string RunCore(string q) => q;
            }
            """);
    }

    [Fact]
    public async Task LLMT0012_result_member_attribute_on_a_member_of_the_wrong_type()
    {
        await Verify.VerifyAsync(Prelude + """
            public sealed class Answer
            {
                [{|LLMT0012:InputTokens|}] public string Tokens { get; set; } = "";
                [{|LLMT0012:ResponseModel|}] public int Model;
                [{|LLMT0012:OutputTokens|}] public ulong Huge { get; set; }
                [FinishReason] public IReadOnlyList<string>? Reasons { get; set; }
                [{|LLMT0012:FinishReason|}] public int Code { get; set; }
            }
            """);
    }

    [Fact]
    public async Task LLMT0013_operation_in_an_interface_or_a_file_local_type()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial interface IBot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Reply {|LLMT0013:Ask|}(string q);

                private Reply AskCore(string q) => new();
            }

            file partial class Hidden
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Reply {|LLMT0013:Ask|}(string q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0014_operation_name_that_is_not_well_known()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Bot
            {
                [LlmOperation({|LLMT0014:"completion"|}, Provider = "openai", Model = "gpt-4o")]
                public partial Reply Ask(string q);

                private Reply AskCore(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task Valid_retrieval_has_no_diagnostics()
    {
        await Verify.VerifyAsync(Prelude + """
            public sealed record Doc([property: DocumentId] string Id, [property: DocumentScore] double Score);

            public partial class Search
            {
                [Retrieval(DataSource = "kb")]
                public partial Task<IReadOnlyList<Doc>> FindAsync([Prompt] string query, [TopK] int top);

                [Retrieval]
                public partial IAsyncEnumerable<Doc> StreamAsync([DataSource] string index, string query);

                private Task<IReadOnlyList<Doc>> FindCoreAsync(string query, int top) => Task.FromResult<IReadOnlyList<Doc>>(new Doc[0]);

                private IAsyncEnumerable<Doc> StreamCoreAsync(string index, string query) => null!;
            }
            """);
    }

    [Theory]
    [InlineData("IEnumerable<Doc>", "new Doc[0]")]
    [InlineData("List<string>", "new()")]
    [InlineData("Doc", "new(\"a\", 1)")]
    public async Task LLMT0015_retrieval_result_that_cannot_be_read_as_documents(string returnType, string value)
    {
        await Verify.VerifyAsync(Prelude + $$"""
            public sealed record Doc([property: DocumentId] string Id, [property: DocumentScore] double Score);

            public partial class Search
            {
                [Retrieval(DataSource = "kb")]
                public partial {|LLMT0015:{{returnType}}|} Find(string query);

                private {{returnType}} FindCore(string query) => {{value}};
            }
            """);
    }

    [Fact]
    public async Task LLMT0016_retrieval_without_a_data_source()
    {
        await Verify.VerifyAsync(Prelude + """
            public sealed record Doc([property: DocumentId] string Id);

            public partial class Search
            {
                [{|LLMT0016:Retrieval|}]
                public partial Doc[] Find(string query);

                private Doc[] FindCore(string query) => new Doc[0];
            }
            """);
    }

    [Fact]
    public async Task Retrieval_parameter_attributes_on_the_wrong_parameter_or_method()
    {
        await Verify.VerifyAsync(Prelude + """
            public sealed record Doc([property: DocumentId] string Id);

            public partial class Search
            {
                [Retrieval(DataSource = "kb")]
                public partial Doc[] Find([TopK] string {|LLMT0010:top|}, [DataSource] int {|LLMT0010:index|});

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Reply Ask([TopK] int {|LLMT0010:top|});

                private Doc[] FindCore(string top, int index) => new Doc[0];

                private Reply AskCore(int top) => new();

                public void Helper([{|LLMT0010:DataSource|}] string index) { }
            }
            """);
    }

    [Fact]
    public async Task LLMT0018_a_method_marked_both_operation_and_retrieval()
    {
        await Verify.VerifyAsync(Prelude + """
            public partial class Search
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [{|LLMT0018:Retrieval(DataSource = "kb")|}]
                public partial Reply Find(string query);

                [Retrieval(DataSource = "kb")]
                [{|LLMT0018:LlmOperation(Provider = "openai", Model = "gpt-4o")|}]
                public partial Reply Lookup(string query);

                private Reply FindCore(string query) => new();

                private Reply LookupCore(string query) => new();
            }
            """);
    }

    [Fact]
    public async Task LLMT0012_document_member_attributes_on_members_of_the_wrong_type()
    {
        await Verify.VerifyAsync(Prelude + """
            public sealed class Doc
            {
                [{|LLMT0012:DocumentId|}] public byte[] Id { get; set; } = new byte[0];
                [{|LLMT0012:DocumentScore|}] public string Score { get; set; } = "";
                [DocumentScore] public float? Relevance { get; set; }
            }
            """);
    }

    private const string MeaiEvaluators = """
        public sealed class Coherence : Microsoft.Extensions.AI.Evaluation.IEvaluator
        {
            public IReadOnlyCollection<string> EvaluationMetricNames => new[] { "Coherence" };

            public ValueTask<Microsoft.Extensions.AI.Evaluation.EvaluationResult> EvaluateAsync(
                IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages,
                Microsoft.Extensions.AI.ChatResponse modelResponse,
                Microsoft.Extensions.AI.Evaluation.ChatConfiguration? chatConfiguration = null,
                IEnumerable<Microsoft.Extensions.AI.Evaluation.EvaluationContext>? additionalContext = null,
                System.Threading.CancellationToken cancellationToken = default) =>
                new(new Microsoft.Extensions.AI.Evaluation.EvaluationResult());
        }

        """;

    private const string Evaluators = """
        public sealed class Judge : ILlmEvaluator
        {
            public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, System.Threading.CancellationToken cancellationToken) => new(new LlmEvaluation(1, true));
        }

        public sealed class NeedsArguments(string model) : ILlmEvaluator
        {
            public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, System.Threading.CancellationToken cancellationToken) => new(new LlmEvaluation(model.Length, true));
        }

        """;

    [Fact]
    public async Task Valid_guards_have_no_diagnostics()
    {
        await Verify.VerifyAsync(Prelude + Evaluators + """
            public partial class Bot(ILlmEvaluator judge)
            {
                private readonly ILlmEvaluator _judge = judge;

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Judge), Threshold = 0.5, OnFailure = GuardAction.Throw, SampleRate = 0.1)]
                [EvalGuard(Evaluator = nameof(_judge), Mode = GuardMode.Background)]
                [EvalGuard(typeof(Judge), Name = "second", OnFailure = GuardAction.Fallback, Fallback = nameof(Safe))]
                public partial Task<Reply> AskAsync([Prompt] string q);

                private Task<Reply> AskCoreAsync(string q) => Task.FromResult(new Reply());

                private Task<Reply> Safe(string q) => Task.FromResult(new Reply());
            }
            """);
    }

    [Theory]
    [InlineData("[{|LLMT0017:EvalGuard|}]", "no evaluator")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), Evaluator = nameof(_judge))|}]", "two evaluators")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(string))|}]", "not an evaluator")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(NeedsArguments))|}]", "no parameterless constructor")]
    [InlineData("[{|LLMT0017:EvalGuard(Evaluator = \"Missing\")|}]", "no such member")]
    [InlineData("[{|LLMT0017:EvalGuard(Evaluator = nameof(_name))|}]", "member of the wrong type")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), SampleRate = 1.5)|}]", "sample rate")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), SampleRate = -0.1)|}]", "negative sample rate")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), Threshold = double.PositiveInfinity)|}]", "threshold out of range")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), TimeoutMilliseconds = -5)|}]", "timeout out of range")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), Mode = GuardMode.Background, OnFailure = GuardAction.Throw)|}]", "background cannot throw")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback)|}]", "fallback without a method")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback, Fallback = nameof(WrongFallback))|}]", "fallback of another signature")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), Fallback = nameof(Safe))|}]", "fallback without the action")]
    public async Task LLMT0017_invalid_guards(string guard, string because)
    {
        Assert.NotEmpty(because);
        await Verify.VerifyAsync(Prelude + Evaluators + $$"""
            public partial class Bot(ILlmEvaluator judge)
            {
                private readonly ILlmEvaluator _judge = judge;
                private readonly string _name = "";

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                {{guard}}
                public partial Task<Reply> AskAsync([Prompt] string q);

                private Task<Reply> AskCoreAsync(string q) => Task.FromResult(new Reply());

                private Task<Reply> Safe(string q) => Task.FromResult(new Reply());

                private Reply WrongFallback(string q) => new();
            }
            """);
    }

    [Fact]
    public async Task Microsoft_Extensions_AI_Evaluation_evaluators_are_accepted_by_type_and_by_member_with_a_chat_configuration()
    {
        await Verify.VerifyAsync(Prelude + MeaiEvaluators + """
            public partial class Bot(Microsoft.Extensions.AI.Evaluation.IEvaluator relevance, Microsoft.Extensions.AI.Evaluation.ChatConfiguration judge)
            {
                private readonly Microsoft.Extensions.AI.Evaluation.IEvaluator _relevance = relevance;
                private Microsoft.Extensions.AI.Evaluation.ChatConfiguration Judge { get; } = judge;

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Coherence), ChatConfiguration = nameof(Judge), OnFailure = GuardAction.Throw)]
                [EvalGuard(Evaluator = nameof(_relevance), ChatConfiguration = nameof(Judge), Threshold = 4)]
                [EvalGuard(typeof(Coherence), Name = "unjudged", Mode = GuardMode.Background)]
                public partial Task<Microsoft.Extensions.AI.ChatResponse> AskAsync([Prompt] string q);

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [EvalGuard(typeof(Coherence), OnFailure = GuardAction.Throw)]
                public partial IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> StreamAsync([Prompt] string q);

                private Task<Microsoft.Extensions.AI.ChatResponse> AskCoreAsync(string q) => Task.FromResult(new Microsoft.Extensions.AI.ChatResponse());

                private IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> StreamCoreAsync(string q) => null!;
            }
            """);
    }

    [Theory]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Judge), ChatConfiguration = nameof(Judge))|}]", "a configuration for an ILlmEvaluator")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Coherence), ChatConfiguration = nameof(_name))|}]", "a configuration member of the wrong type")]
    [InlineData("[{|LLMT0017:EvalGuard(typeof(Coherence), ChatConfiguration = \"Missing\")|}]", "no such configuration member")]
    public async Task LLMT0017_invalid_chat_configurations(string guard, string because)
    {
        Assert.NotEmpty(because);
        await Verify.VerifyAsync(Prelude + Evaluators + MeaiEvaluators + $$"""
            public partial class Bot(Microsoft.Extensions.AI.Evaluation.ChatConfiguration judge)
            {
                private Microsoft.Extensions.AI.Evaluation.ChatConfiguration Judge { get; } = judge;
                private readonly string _name = "";

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                {{guard}}
                public partial Task<Reply> AskAsync([Prompt] string q);

                private Task<Reply> AskCoreAsync(string q) => Task.FromResult(new Reply());
            }
            """);
    }

    [Fact]
    public async Task LLMT0017_guards_on_results_that_cannot_be_judged_or_outside_an_operation()
    {
        await Verify.VerifyAsync(Prelude + Evaluators + """
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                [{|LLMT0017:EvalGuard(typeof(Judge))|}]
                public partial Task WarmAsync();

                [LlmOperation("execute_tool", Provider = "openai", Model = "gpt-4o")]
                [{|LLMT0017:EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback, Fallback = nameof(StreamCoreAsync))|}]
                public partial IAsyncEnumerable<string> StreamAsync();

                [{|LLMT0017:EvalGuard(typeof(Judge))|}]
                public Reply NotAnOperation() => new();

                private Task WarmCoreAsync() => Task.CompletedTask;

                private IAsyncEnumerable<string> StreamCoreAsync() => null!;
            }
            """);
    }

    [Fact]
    public async Task Severity_is_configurable_in_editorconfig()
    {
        await Verify.VerifyAsync(
            Prelude + """
            public partial class Bot
            {
                [LlmOperation(Model = "gpt-4o")]
                public partial Reply Ask(string q);

                private Reply AskCore(string q) => new();
            }
            """,
            "dotnet_diagnostic.LLMT0008.severity = none");
    }

    [Fact]
    public async Task Valid_code_with_its_generated_body_has_no_usage_diagnostics()
    {
        GeneratorResult result = GeneratorHarness.Run(Scenarios.MeaiChat);

        System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics = await result.Output
            .WithAnalyzers([new LlmOperationUsageAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_compilation_without_LlmTelemetry_registers_nothing_to_run()
    {
        var analyzer = new LlmOperationUsageAnalyzer();
        var compilation = GeneratorHarness.Compilation(TestReferences.Framework, "public class Plain { public void Run() { } }");
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);

        Assert.Equal(0, telemetry.SymbolActionsCount);
    }
}

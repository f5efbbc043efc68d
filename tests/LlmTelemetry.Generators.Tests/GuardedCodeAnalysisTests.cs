using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// The data-exposure analyzer walks the bodies generated for guarded operations, as it does in a build, without failing.
/// One shape of the fallback (a method of its own that returned the fallback's lambda) once led its flow analysis into
/// the readers' helpers, where it threw (AD0001, an error with warnings as errors).
/// </summary>
public sealed class GuardedCodeAnalysisTests
{
    [Theory]
    [InlineData("[EvalGuard(typeof(Judge))]")]
    [InlineData("[EvalGuard(typeof(Judge), Mode = GuardMode.Background)]")]
    [InlineData("[EvalGuard(typeof(Judge), OnFailure = GuardAction.Throw, SampleRate = 0.5)]")]
    [InlineData("[EvalGuard(typeof(Judge), OnFailure = GuardAction.Fallback, Fallback = nameof(SafeAsync), SampleRate = 0.5)]")]
    public async Task The_data_exposure_analyzer_reads_a_guarded_operation_and_its_callers(string guard)
    {
        GeneratorResult result = GeneratorHarness.Run($$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;

            public sealed class Judge : ILlmEvaluator
            {
                public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken) => new(new LlmEvaluation(1, passed: true));
            }

            public sealed partial class Guarded(IChatClient model)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                {{guard}}
                public partial Task<ChatResponse> AskAsync(IList<ChatMessage> messages, CancellationToken cancellationToken = default);

                private Task<ChatResponse> AskCoreAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) => model.GetResponseAsync(messages, cancellationToken: cancellationToken);

                private Task<ChatResponse> SafeAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) => Task.FromResult(new ChatResponse());
            }

            public sealed class Caller(Guarded guarded)
            {
                private readonly List<ChatMessage> _messages = new();

                public Task<ChatResponse> Call() => guarded.AskAsync(_messages);
            }
            """);

        ImmutableArray<Diagnostic> diagnostics = await result.Output
            .WithAnalyzers([new DataExposureAnalyzer()], new AnalyzerOptions([]))
            .GetAllDiagnosticsAsync();

        Assert.Empty(diagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()));
    }
}

using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Scan;

/// <summary>
/// Runs the generator and the analyzers once over a small file before the project is timed, so that the times
/// reported are the analysis's, not the just-in-time compilation of its code and Roslyn's (about a second in every
/// fresh child process).
/// </summary>
internal static class WarmUp
{
    private const string Source = """
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Logging;

        public partial class WarmUpBot(IChatClient chat, ILogger logger)
        {
            [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
            public partial Task<ChatResponse> AskAsync([Prompt] string question);

            private Task<ChatResponse> AskCoreAsync(string question) => chat.GetResponseAsync(question);

            public async Task RunAsync(string question)
            {
                var response = await chat.GetResponseAsync(question);
                string Tidy(string text) => text.Trim();
                logger.LogInformation("{Answer} {Length}", Tidy(response.Text), response.Text.Length);
                System.Console.WriteLine(response.Text);
            }
        }
        """;

    public static void Run(AnalyzerAssembly analyzers)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "WarmUp",
            [CSharpSyntaxTree.ParseText(Source, parseOptions)],
            ReferenceSet.For(web: false, agentFramework: false, genericHost: false),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(analyzers.Generators, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        if (!analyzers.Analyzers.IsEmpty)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            output.WithAnalyzers(analyzers.Analyzers, options).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}

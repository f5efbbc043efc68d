using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LlmTelemetry.Scan;

/// <summary>
/// Analyses one project as a build does: the generator first (its output joins the compilation), then every
/// analyzer over the result, with analyzer exceptions reported instead of swallowed and each analyzer's time logged.
/// Runs inside the child process.
/// </summary>
internal static class ProjectAnalysis
{
    private const string ContextMarker = "Exception occurred with following context:";

    public static async Task<ProjectResult> RunAsync(string root, ScanProject scanProject, AnalyzerAssembly analyzers, TimeSpan timeout)
    {
        var result = new ProjectResult { Name = scanProject.Name, Files = scanProject.Sources.Count };
        var total = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            var parse = Stopwatch.StartNew();
            ScannedCompilation scanned = new CompilationFactory(root).Create(scanProject, cancellation.Token);
            result.ParseSeconds = parse.Elapsed.TotalSeconds;
            result.IsTestProject = scanned.Project.IsTestProject;
            result.IsWeb = scanned.Project.IsWeb;
            result.OutputKind = scanned.OutputKind.ToString();

            var options = new BuildPropertyOptions(scanned.Project, scanned.OutputKind);
            Compilation compilation = RunGenerators(root, scanned, analyzers, options, result, cancellation.Token);
            await RunAnalyzersAsync(root, compilation, analyzers, options, result, cancellation.Token);
            result.Outcome = ProjectOutcome.Completed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            result.Outcome = ProjectOutcome.TimedOut;
            result.OutcomeDetail = $"cancelled after {timeout.TotalSeconds:0} s";
        }
        catch (Exception e)
        {
            result.Outcome = ProjectOutcome.ToolFailed;
            result.OutcomeDetail = e.GetType().Name + ": " + e.Message;
            result.Crashes.Add(new Crash("ToolError", "LlmTelemetry.Scan", e.GetType().FullName!, e.Message, e.ToString(), null));
        }

        result.Seconds = total.Elapsed.TotalSeconds;
        return result;
    }

    private static Compilation RunGenerators(string root, ScannedCompilation scanned, AnalyzerAssembly analyzers, AnalyzerConfigOptionsProvider options, ProjectResult result, CancellationToken cancellationToken)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(analyzers.Generators, parseOptions: scanned.ParseOptions, optionsProvider: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(scanned.Compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, cancellationToken);

        foreach (GeneratorTimingInfo time in driver.GetTimingInfo().GeneratorTimes)
        {
            result.Times[AnalyzerAssembly.NameOf(time.Generator)] = time.ElapsedTime.TotalSeconds;
        }

        GeneratorDriverRunResult run = driver.GetRunResult();
        foreach (GeneratorRunResult generator in run.Results)
        {
            result.GeneratedFiles += generator.GeneratedSources.Length;
            if (generator.Exception is Exception e)
            {
                result.Crashes.Add(new Crash("GeneratorException", AnalyzerAssembly.NameOf(generator.Generator), e.GetType().FullName!, e.Message, e.ToString(), null));
            }
        }

        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Id is "CS8784" or "CS8785")
            {
                // The exception itself is already listed from the run result; the diagnostic says where it surfaced.
                result.Crashes.Add(new Crash(diagnostic.Id, "generator", "", diagnostic.GetMessage(), diagnostic.ToString(), null));
            }
            else if (diagnostic.Id.StartsWith("LLMT", StringComparison.Ordinal))
            {
                result.Findings.Add(FindingOf(root, diagnostic));
            }
        }

        return output;
    }

    private static async Task RunAnalyzersAsync(string root, Compilation compilation, AnalyzerAssembly analyzers, AnalyzerConfigOptionsProvider options, ProjectResult result, CancellationToken cancellationToken)
    {
        var crashes = new ConcurrentQueue<Crash>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([], options),
                onAnalyzerException: (exception, analyzer, diagnostic) => crashes.Enqueue(CrashOf(exception, analyzer, diagnostic)),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));

        // One run that keeps each analyzer's time (GetAnalyzerTelemetryInfoAsync after GetAllDiagnosticsAsync reports none,
        // and asking for both runs the analyzers twice).
        AnalysisResult analysis = await withAnalyzers.GetAnalysisResultAsync(cancellationToken);
        foreach ((DiagnosticAnalyzer analyzer, AnalyzerTelemetryInfo telemetry) in analysis.AnalyzerTelemetryInfo)
        {
            result.Times[AnalyzerAssembly.NameOf(analyzer)] = telemetry.ExecutionTime.TotalSeconds;
        }

        result.Crashes.AddRange(crashes);
        // Binding errors say how much of the project the tool's references cover; the compiler binds again for them.
        Diagnostic[] errors = compilation.GetDiagnostics(cancellationToken).Where(static d => d.Severity == DiagnosticSeverity.Error).ToArray();
        result.CompilerErrors = errors.Length;
        result.CompilerErrorSamples = errors.GroupBy(static e => e.Id).OrderByDescending(static g => g.Count()).Take(5)
            .Select(static g => $"{g.Key}×{g.Count()}: {g.First().GetMessage()}").ToList();
        foreach (Diagnostic diagnostic in analysis.GetAllDiagnostics())
        {
            if (diagnostic.Id == "AD0001")
            {
                // Reported through the callback above; one that was not (a future driver) is still a crash.
                string message = diagnostic.GetMessage();
                if (!crashes.Any(c => message.Contains(c.Message, StringComparison.Ordinal)))
                {
                    result.Crashes.Add(new Crash("AD0001", "?", "", message, message, null));
                }
            }
            else if (diagnostic.Id.StartsWith("LLMT", StringComparison.Ordinal))
            {
                result.Findings.Add(FindingOf(root, diagnostic));
            }
        }

        result.Findings.Sort(static (a, b) => (a.File, a.Line, a.Column, a.Id).CompareTo((b.File, b.Line, b.Column, b.Id)));
    }

    // The AD0001 message says where the analyzer was ("Exception occurred with following context:" then the compilation,
    // the symbol, the operation or node, up to a blank line).
    private static Crash CrashOf(Exception exception, DiagnosticAnalyzer analyzer, Diagnostic diagnostic)
    {
        string message = diagnostic.GetMessage().Replace("\r\n", "\n", StringComparison.Ordinal);
        int marker = message.IndexOf(ContextMarker, StringComparison.Ordinal);
        string? context = null;
        if (marker >= 0)
        {
            int start = marker + ContextMarker.Length;
            int end = message.IndexOf("\n\n", start, StringComparison.Ordinal);
            context = (end < 0 ? message[start..] : message[start..end]).Trim();
        }

        return new Crash("AD0001", AnalyzerAssembly.NameOf(analyzer), exception.GetType().FullName!, exception.Message, exception.ToString(), context);
    }

    private static Finding FindingOf(string root, Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        string file = span.Path is { Length: > 0 } path ? ProjectDiscovery.Relative(root, path) : "";
        return new Finding(diagnostic.Id, diagnostic.Severity.ToString(), file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.GetMessage());
    }
}

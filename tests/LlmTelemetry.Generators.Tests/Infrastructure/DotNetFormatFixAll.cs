using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// What <c>dotnet format analyzers --diagnostics ID</c> does to fix one diagnostic ID, replayed in process (dotnet format's
/// SolutionCodeFixApplier): the ID's diagnostics are computed once; then every code fix provider of the analyzer assembly
/// that lists the ID, in the order the assembly defines them, gets a Fix All in Solution scope with the equivalence key of
/// the first fix it offers for the first diagnostic (no key when it offers none), against those same diagnostics.
/// </summary>
internal static class DotNetFormatFixAll
{
    public static async Task<(Solution Solution, IReadOnlyList<string> Warnings)> RunAsync(Solution solution, string diagnosticId, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var warnings = new List<string>();
        Dictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics = await DiagnosticsAsync(solution, diagnosticId, analyzers);
        foreach (CodeFixProvider provider in Providers(diagnosticId))
        {
            FixAllProvider? fixAll = provider.GetFixAllProvider();
            if (fixAll?.GetSupportedFixAllScopes().Contains(FixAllScope.Solution) != true)
            {
                warnings.Add($"Code fix {provider.GetType().Name} doesn't support Fix All in Solution");
                continue;
            }

            Diagnostic? first = diagnostics.Values.SelectMany(static d => d).FirstOrDefault(static d => d.Location.SourceTree is not null);
            if (first is null || solution.GetDocument(first.Location.SourceTree) is not { } document)
            {
                continue; // as dotnet format does when an earlier fixer changed the document of the first diagnostic
            }

            CodeAction? offered = null;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => offered ??= action, CancellationToken.None));
            var context = new FixAllContext(document, provider, FixAllScope.Solution, offered?.EquivalenceKey!, [diagnosticId], new Diagnostics(diagnostics), CancellationToken.None);
            CodeAction? fix = await fixAll.GetFixAsync(context);
            if (fix is null)
            {
                warnings.Add($"Code fix {provider.GetType().Name} didn't return a Fix All action");
                continue;
            }

            ApplyChangesOperation? apply = (await fix.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().SingleOrDefault();
            if (apply is not null && apply.ChangedSolution.GetChanges(solution).GetProjectChanges().Any())
            {
                solution = apply.ChangedSolution;
            }
        }

        return (solution, warnings);
    }

    /// <summary>The diagnostics <paramref name="analyzers"/> report on the projects of <paramref name="solution"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (Project project in solution.Projects)
        {
            Compilation compilation = (await project.GetCompilationAsync())!;
            all.AddRange(await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync());
        }

        return all.ToImmutable();
    }

    private static IEnumerable<CodeFixProvider> Providers(string diagnosticId) =>
        typeof(RedactExposedTextCodeFix).Assembly.DefinedTypes
            .Where(static t => !t.IsAbstract && t.IsSubclassOf(typeof(CodeFixProvider)) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .Select(static t => (CodeFixProvider)Activator.CreateInstance(t.AsType())!)
            .Where(p => p.FixableDiagnosticIds.Contains(diagnosticId))
            .ToArray();

    private static async Task<Dictionary<ProjectId, ImmutableArray<Diagnostic>>> DiagnosticsAsync(Solution solution, string diagnosticId, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var byProject = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
        foreach (Project project in solution.Projects)
        {
            Compilation compilation = (await project.GetCompilationAsync())!;
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            byProject[project.Id] = diagnostics.Where(d => d.Id == diagnosticId).ToImmutableArray();
        }

        return byProject;
    }

    private sealed class Diagnostics(Dictionary<ProjectId, ImmutableArray<Diagnostic>> byProject) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            GetProjectDiagnosticsAsync(project, cancellationToken);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            (await GetProjectDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree?.FilePath == document.FilePath).ToArray();

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(byProject.TryGetValue(project.Id, out ImmutableArray<Diagnostic> diagnostics) ? diagnostics : []);
    }
}

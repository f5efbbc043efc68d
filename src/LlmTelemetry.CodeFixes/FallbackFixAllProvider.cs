using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LlmTelemetry.CodeFixes;

/// <summary>
/// Fix All that leaves behind no diagnostic its provider can fix: each diagnostic gets the fix chosen (the Fix All's
/// equivalence key) where that fix is offered for it, and otherwise the first fix the provider offers — its default.
/// The changes, in any document, are merged: repeated ones once, overlapping ones first come first.
/// </summary>
/// <remarks>
/// WellKnownFixAllProviders.BatchFixer applies only the chosen fix, and nothing when no key is given: dotnet format
/// chooses by the first fix of the first diagnostic it meets (none when that one has no fix), so a batch run left the
/// other diagnostics unfixed ("didn't return a Fix All action").
/// </remarks>
internal sealed class FallbackFixAllProvider : FixAllProvider
{
    public static FallbackFixAllProvider Instance { get; } = new();

    private FallbackFixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        ImmutableArray<Diagnostic> diagnostics = await DiagnosticsInScopeAsync(context).ConfigureAwait(false);
        return diagnostics.IsEmpty
            ? null
            : CodeAction.Create("Fix all", ct => FixAsync(context, diagnostics, ct), context.CodeActionEquivalenceKey);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsInScopeAsync(FixAllContext context)
    {
        IEnumerable<Project> projects = context.Scope switch
        {
            FixAllScope.Solution => context.Solution.Projects,
            _ => [context.Project],
        };
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (Project project in projects)
        {
            if (context.Scope == FixAllScope.Document && context.Document is { } document)
            {
                diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
            }
            else
            {
                diagnostics.AddRange((await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false)).Where(static d => d.Location.IsInSource));
            }
        }

        return diagnostics.ToImmutable();
    }

    private static async Task<Solution> FixAsync(FixAllContext context, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        Solution solution = context.Solution;
        var changes = new Dictionary<DocumentId, List<TextChange>>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (solution.GetDocument(diagnostic.Location.SourceTree) is not { } document
                || await ChooseAsync(context.CodeFixProvider, document, diagnostic, context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false) is not { } action)
            {
                continue;
            }

            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            if (operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution is not { } changed)
            {
                continue;
            }

            foreach (DocumentId id in changed.GetChanges(solution).GetProjectChanges().SelectMany(static p => p.GetChangedDocuments()))
            {
                if (!changes.TryGetValue(id, out List<TextChange>? inDocument))
                {
                    changes[id] = inDocument = new List<TextChange>();
                }

                inDocument.AddRange(await changed.GetDocument(id)!.GetTextChangesAsync(solution.GetDocument(id)!, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (KeyValuePair<DocumentId, List<TextChange>> inDocument in changes)
        {
            SourceText text = await solution.GetDocument(inDocument.Key)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            solution = solution.WithDocumentText(inDocument.Key, text.WithChanges(Merge(inDocument.Value)));
        }

        return solution;
    }

    private static async Task<CodeAction?> ChooseAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, string? chosen, CancellationToken cancellationToken)
    {
        var offered = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), cancellationToken)).ConfigureAwait(false);
        return offered.FirstOrDefault(a => chosen is not null && a.EquivalenceKey == chosen) ?? offered.FirstOrDefault();
    }

    // In order; a change repeated by several fixes (one parameter classified for several calls) once; one that overlaps
    // a change already taken is dropped.
    private static IEnumerable<TextChange> Merge(List<TextChange> changes)
    {
        var taken = new List<TextChange>();
        foreach (TextChange change in changes.OrderBy(static c => c.Span.Start).ThenBy(static c => c.Span.End))
        {
            if (taken.Count > 0 && taken[taken.Count - 1] is var last && (last.Span == change.Span && last.NewText == change.NewText || last.Span.End > change.Span.Start))
            {
                continue;
            }

            taken.Add(change);
        }

        return taken;
    }
}

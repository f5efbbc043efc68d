using System;
using System.Collections.Immutable;
using System.Threading;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Prompt and completion text reaching a log (LLMT1001), console or debug output (LLMT1002), a span (LLMT1003) or an
/// exception message (LLMT1004) without a redactor in between.
/// </summary>
/// <remarks>
/// Each method is analyzed on its own, as the IDE analyzes it while you type (nothing waits for the end of the
/// compilation), and only when it holds both a place text can come from and a place it can go. Calls into this
/// compilation, and fields written in one method and read in another, are followed through cached summaries to a
/// bounded depth. Nothing is registered for a compilation that references no client library and no LlmTelemetry.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataExposureAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property holding the span of the part of the written value that carries the text.</summary>
    public const string LeafSpanProperty = "LeafSpan";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TextLogged,
        DiagnosticDescriptors.TextWrittenToConsole,
        DiagnosticDescriptors.TextRecordedOnSpan,
        DiagnosticDescriptors.TextInExceptionMessage);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var catalog = DataExposureCatalog.For(start.Compilation);
            if (!catalog.IsRelevant)
            {
                return;
            }

            var known = KnownTypes.For(start.Compilation);
            ImplementationMethods? implementations = known.LlmOperationAttribute is null ? null : new ImplementationMethods(known, start.Compilation.Assembly);
            var exposure = new DataExposureContext(start.Compilation, catalog, implementations, start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterOperationBlockAction(context => AnalyzeBlocks(context, exposure));
        });
    }

    private static void AnalyzeBlocks(OperationBlockAnalysisContext context, DataExposureContext exposure)
    {
        foreach (IOperation block in context.OperationBlocks)
        {
            foreach (Finding finding in Analyze(exposure, context.OwningSymbol, block, context.GetControlFlowGraph, context.CancellationToken))
            {
                context.ReportDiagnostic(Create(finding));
            }
        }
    }

    /// <summary>
    /// What the analyzer finds in one operation block: nothing unless it is a body that holds both a place text can come
    /// from and a place it can go (the pre-check), then what the flow analysis reports. <paramref name="graphOf"/> gives
    /// the block's control-flow graph when the walk in order cannot be used.
    /// </summary>
    internal static ImmutableArray<Finding> Analyze(DataExposureContext exposure, ISymbol owner, IOperation block, Func<IOperation, ControlFlowGraph> graphOf, CancellationToken cancellationToken)
    {
        // Method, accessor, constructor and initializer bodies; not attribute arguments or parameter defaults.
        if (block.Kind is not (OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block or OperationKind.FieldInitializer or OperationKind.PropertyInitializer))
        {
            return ImmutableArray<Finding>.Empty;
        }

        DataExposureOptions options = exposure.OptionsFor(block.Syntax.SyntaxTree);
        if (options.IsExcluded(owner))
        {
            return ImmutableArray<Finding>.Empty;
        }

        // One scan of the block serves the pre-check and, where it is needed, the flow analysis.
        BodyScan scan = BodyScan.Of(block);
        if (!new ExposureCandidates(exposure, options).Contains(block, scan, owner, cancellationToken))
        {
            return ImmutableArray<Finding>.Empty;
        }

        ControlFlowGraph? graph = scan.CanWalkInOrder ? null : graphOf(block);
        return exposure.Analyze(owner, block, graph, depth: 0, cancellationToken, scan).Findings;
    }

    private static Diagnostic Create(Finding finding)
    {
        DiagnosticDescriptor descriptor = finding.Sink.Kind switch
        {
            SinkKind.ConsoleOutput => DiagnosticDescriptors.TextWrittenToConsole,
            SinkKind.Span => DiagnosticDescriptors.TextRecordedOnSpan,
            SinkKind.ExceptionMessage => DiagnosticDescriptors.TextInExceptionMessage,
            _ => DiagnosticDescriptors.TextLogged,
        };
        Location[] additional = finding.Source.Location.IsInSource ? new[] { finding.Source.Location } : System.Array.Empty<Location>();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(
            LeafSpanProperty, finding.LeafLocation.SourceSpan.Start + "," + finding.LeafLocation.SourceSpan.Length);
        return Diagnostic.Create(descriptor, finding.ValueLocation, additional, properties, finding.Source.Description, finding.Sink.Name);
    }
}

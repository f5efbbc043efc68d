using System.Collections.Immutable;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// Reports misuse of the LlmTelemetry attributes (LLMT0xxx) with the same parser the generator uses, so that
/// what the analyzer accepts is exactly what the generator can write. LLMT0002 (a containing type is not partial) is
/// the generator's to report: the compiler has errors of its own there, after which csc runs no analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LlmOperationUsageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MethodMustBePartial,
        DiagnosticDescriptors.ImplementationNotFound,
        DiagnosticDescriptors.ImplementationMismatch,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.NoModel,
        DiagnosticDescriptors.UnknownProvider,
        DiagnosticDescriptors.MissingProvider,
        DiagnosticDescriptors.InvalidAttributeArgument,
        DiagnosticDescriptors.ParameterAttributeMisuse,
        DiagnosticDescriptors.ResultNotMapped,
        DiagnosticDescriptors.ResultMemberAttributeMisuse,
        DiagnosticDescriptors.UnsupportedContainingType,
        DiagnosticDescriptors.UnknownOperationName,
        DiagnosticDescriptors.DocumentsNotMapped,
        DiagnosticDescriptors.NoDataSource,
        DiagnosticDescriptors.InvalidEvalGuard,
        DiagnosticDescriptors.OperationAndRetrieval,
        DiagnosticDescriptors.UnknownSemanticConventions);

    public override void Initialize(AnalysisContext context)
    {
        // An operation method whose body the generator wrote counts as generated code, and with
        // GeneratedCodeAnalysisFlags.None Roslyn would not hand it to this analyzer once the generator ran (as in every
        // build and in the IDE): its diagnostics, reported on the user's declaration, would never be seen.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var known = KnownTypes.For(start.Compilation);
            if (known.LlmOperationAttribute is null)
            {
                return; // the compilation does not reference LlmTelemetry: nothing to check
            }

            // Once per compilation: the generator falls back to the baseline, and this says why.
            if (!SemanticConventionsOption.TryRead(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, out _, out string written))
            {
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownSemanticConventions, Location.None, written)));
            }

            start.RegisterSymbolAction(context => AnalyzeMethod(context, known), SymbolKind.Method);
            start.RegisterSymbolAction(context => AnalyzeResultMember(context, known), SymbolKind.Property, SymbolKind.Field);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, KnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.PartialDefinitionPart is not null)
        {
            return; // the implementation part of a partial method; its definition is analyzed
        }

        AttributeData? attribute = method.GetAttributes().FirstOrDefault(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.LlmOperationAttribute)
            || SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.RetrievalAttribute));
        if (attribute is null)
        {
            // Generated code is analyzed only for the operation methods the generator wrote bodies for (see Initialize).
            if (!context.IsGeneratedCode)
            {
                ReportAttributesOutsideOperations(context, method, known);
            }

            return;
        }

        foreach (Diagnostic diagnostic in OperationMethodParser.Diagnose(method, attribute, context.Compilation, known, context.CancellationToken))
        {
            if (diagnostic.Id != DiagnosticIds.TypeMustBePartial)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static void ReportAttributesOutsideOperations(SymbolAnalysisContext context, IMethodSymbol method, KnownTypes known)
    {
        foreach (AttributeData guard in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.EvalGuardAttribute)))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidEvalGuard,
                guard.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None,
                $"[EvalGuard] on '{method.Name}' has no call to judge: put it on an [LlmOperation] or [Retrieval] method"));
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            foreach (AttributeData attribute in parameter.GetAttributes())
            {
                // [Prompt] may mark prompt data anywhere; the others only mean something on an operation.
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.ModelAttribute)
                    || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.SystemInstructionsAttribute)
                    || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.DataSourceAttribute)
                    || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.TopKAttribute))
                {
                    Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                        ?? parameter.Locations.FirstOrDefault() ?? Location.None;
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ParameterAttributeMisuse,
                        location,
                        $"[{SymbolFormatting.AttributeName(attribute.AttributeClass!)}] on '{parameter.Name}' has no effect: '{method.Name}' is neither an [LlmOperation] nor a [Retrieval] method"));
                }
            }
        }
    }

    private static void AnalyzeResultMember(SymbolAnalysisContext context, KnownTypes known)
    {
        if (context.IsGeneratedCode)
        {
            return;
        }

        ITypeSymbol? type = context.Symbol switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        foreach (AttributeData attribute in context.Symbol.GetAttributes())
        {
            foreach ((INamedTypeSymbol? attributeType, Model.ResultMemberRole role) in ResultMemberRules.Attributes(known).Concat(ResultMemberRules.DocumentAttributes(known)))
            {
                if (attributeType is not null
                    && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    && ResultMemberRules.ValueKind(type, role, known) is null)
                {
                    Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                        ?? context.Symbol.Locations.FirstOrDefault() ?? Location.None;
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ResultMemberAttributeMisuse,
                        location,
                        SymbolFormatting.AttributeName(attributeType),
                        context.Symbol.Name,
                        type.ToDisplayString(),
                        ResultMemberRules.Requirement(role)));
                }
            }
        }
    }
}

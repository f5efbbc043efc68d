using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// Reads one <c>[LlmOperation]</c> method into the model the emitter writes from, and the diagnostics about it.
/// The generator keeps only the model; the usage analyzer reports the diagnostics.
/// </summary>
internal static class OperationMethodParser
{
    /// <summary>The generated files' suffix, by which an implementation part this package wrote is told from one the user wrote.</summary>
    public const string GeneratedFileSuffix = ".LlmTelemetry.g.cs";

    /// <summary>
    /// Reads the method into the model of its body, or of a placeholder body when a usage error keeps it from being
    /// instrumented; <see langword="null"/> when neither can be written (incomplete code, or a declaration the compiler
    /// already rejects).
    /// </summary>
    public static ParsedMethodModel? Parse(IMethodSymbol method, AttributeData attribute, Compilation compilation, KnownTypes known, CancellationToken cancellationToken) =>
        ParseCore(method, attribute, compilation, known, new List<Diagnostic>(), buildModel: true, cancellationToken);

    /// <summary>The diagnostics about the method alone, for the analyzer: the same checks, without formatting the model.</summary>
    public static ImmutableArray<Diagnostic> Diagnose(IMethodSymbol method, AttributeData attribute, Compilation compilation, KnownTypes known, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        ParseCore(method, attribute, compilation, known, diagnostics, buildModel: false, cancellationToken);
        return diagnostics.ToImmutableArray();
    }

    private static BlockedOperationModel Blocked(IMethodSymbol method, MethodDeclarationSyntax syntax, ContainingTypeModel containingType, string diagnosticId) =>
        new(
            containingType,
            SymbolFormatting.Identifier(method.Name),
            Modifiers(syntax, NeedsUnsafe(method)),
            RefReturnPrefix(method) + SymbolFormatting.Type(method.ReturnType),
            SymbolFormatting.TypeParameterList(method.TypeParameters),
            SymbolFormatting.ConstraintClauses(method.TypeParameters).ToEquatableArray(),
            method.Parameters.Select(Parameter).ToEquatableArray(),
            diagnosticId);

    private static string RefReturnPrefix(IMethodSymbol method) =>
        method.ReturnsByRefReadonly ? "ref readonly " : method.ReturnsByRef ? "ref " : string.Empty;

    private static string ReturnDisplay(IMethodSymbol method) => RefReturnPrefix(method) + method.ReturnType.ToDisplayString();

    private static bool NeedsUnsafe(IMethodSymbol method) =>
        SymbolFormatting.MentionsPointer(method.ReturnType) || method.Parameters.Any(static p => SymbolFormatting.MentionsPointer(p.Type));

    private static ParsedMethodModel? ParseCore(IMethodSymbol method, AttributeData attribute, Compilation compilation, KnownTypes known, List<Diagnostic> diagnostics, bool buildModel, CancellationToken cancellationToken)
    {
        Location methodLocation = method.Locations.FirstOrDefault() ?? Location.None;
        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
        if (syntax is null
            || syntax.ContainsDiagnostics
            || SymbolFormatting.HasErrors(method.ReturnType)
            || method.Parameters.Any(static p => SymbolFormatting.HasErrors(p.Type))
            || method.TypeParameters.Any(static t => t.ConstraintTypes.Any(SymbolFormatting.HasErrors)))
        {
            return null; // incomplete code: the compiler already says what is wrong
        }

        ContainingTypeModel? containingType = ContainingTypeParser.Parse(method, diagnostics);

        string? partialProblem = PartialProblem(method, syntax);
        if (partialProblem is not null)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodMustBePartial, syntax.Identifier.GetLocation(), method.Name, partialProblem));
        }

        bool isRetrieval = known.RetrievalAttribute is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.RetrievalAttribute);
        LlmOperationAttributeData arguments = LlmOperationAttributeData.Read(attribute, isRetrieval);
        INamedTypeSymbol? other = isRetrieval ? known.LlmOperationAttribute : known.RetrievalAttribute;
        if (method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, other)) is { } otherAttribute)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.OperationAndRetrieval,
                otherAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? arguments.AttributeLocation,
                method.Name));
            // What else is wrong depends on which attribute stays, so nothing else is said. Both attributes bring the method
            // here; the [LlmOperation] reading writes the one placeholder body (two would be CS0757).
            return buildModel && !isRetrieval && containingType is not null && partialProblem is null
                ? new ParsedMethodModel(null, Blocked(method, syntax, containingType, DiagnosticIds.OperationAndRetrieval))
                : null;
        }

        ValidateArguments(method, arguments, diagnostics);

        ReturnShape shape = ReturnShapeClassifier.Classify(method, known, out ITypeSymbol? resultType, out string? unsupportedReturn);
        if (unsupportedReturn is not null)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, syntax.ReturnType.GetLocation(), method.Name, ReturnDisplay(method), unsupportedReturn));
        }

        IMethodSymbol? implementation = null;
        if (arguments.Implementation is not { Length: 0 } && arguments.Implementation != method.Name)
        {
            string implementationName = arguments.Implementation ?? ImplementationResolver.ConventionalName(method.Name);
            Location where = arguments.HasImplementation ? arguments.ArgumentLocation("Implementation") : arguments.AttributeLocation;
            implementation = ImplementationResolver.Resolve(method, implementationName, where, compilation, diagnostics);
        }

        RequestMappingModel request = RequestMappingParser.Map(method, isRetrieval, known, diagnostics);
        string operationName = arguments.OperationName ?? string.Empty;
        bool returnsNothing = shape is ReturnShape.Void or ReturnShape.Task or ReturnShape.ValueTask;
        ResultMappingModel result;
        if (isRetrieval)
        {
            result = DocumentMappingParser.Map(resultType, shape == ReturnShape.AsyncEnumerable, known);
            if (string.IsNullOrEmpty(arguments.DataSource) && request.DataSourceParameter is null)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NoDataSource, arguments.AttributeLocation, method.Name));
            }

            if (unsupportedReturn is null && result.Kind == ResultKind.None && !returnsNothing)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.DocumentsNotMapped, syntax.ReturnType.GetLocation(), resultType?.ToDisplayString() ?? method.ReturnType.ToDisplayString(), method.Name));
            }
        }
        else
        {
            result = ResultMappingParser.Map(resultType, known);
            bool hasModel = !string.IsNullOrEmpty(arguments.Model) || request.ModelParameter is not null
                || request.Options?.Kind is OptionsKind.MeaiChat or OptionsKind.MeaiEmbedding;
            if (!hasModel)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NoModel, arguments.AttributeLocation, method.Name));
            }

            if (unsupportedReturn is null && WellKnownValues.ReportsTokenUsage(operationName) && !ResultMappingParser.MapsTokenUsage(result) && !returnsNothing)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ResultNotMapped, syntax.ReturnType.GetLocation(), resultType?.ToDisplayString() ?? method.ReturnType.ToDisplayString(), method.Name));
            }
        }

        EquatableArray<GuardModel> guards = GuardParser.Parse(method, shape, resultType, compilation, known, diagnostics);

        if (buildModel && containingType is null && TypeNotPartial(method, diagnostics, cancellationToken) is { } typeNotPartial)
        {
            return new ParsedMethodModel(null, null, typeNotPartial);
        }

        if (!buildModel || containingType is null || partialProblem is not null)
        {
            // A placeholder needs what a body needs: a partial declaration without a body in types a generated file can
            // reopen. Where those are missing the compiler's own error (CS0501, CS0751) already says what is wrong.
            return null;
        }

        if (diagnostics.FirstOrDefault(static d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            return new ParsedMethodModel(null, Blocked(method, syntax, containingType, error.Id));
        }

        if (implementation is null || unsupportedReturn is not null)
        {
            return null; // unreachable: both are errors reported above; this narrows them for the nullable analysis
        }

        return new ParsedMethodModel(new OperationMethodModel(
            containingType,
            SymbolFormatting.Identifier(method.Name),
            Modifiers(syntax, NeedsUnsafe(method)),
            method.IsStatic,
            SymbolFormatting.Type(method.ReturnType),
            shape,
            resultType is null ? null : SymbolFormatting.Type(resultType),
            resultType?.IsRefLikeType ?? false,
            SymbolFormatting.TypeParameterList(method.TypeParameters),
            SymbolFormatting.ConstraintClauses(method.TypeParameters).ToEquatableArray(),
            method.Parameters.Select(Parameter).ToEquatableArray(),
            SymbolFormatting.Identifier(implementation.Name) + SymbolFormatting.TypeParameterList(method.TypeParameters),
            new OperationDescriptorModel(
                operationName,
                arguments.Provider,
                NullIfEmpty(arguments.Model),
                NullIfEmpty(arguments.ServerAddress),
                arguments.ServerPort,
                NullIfEmpty(arguments.DataSource),
                result.Kind == ResultKind.Documents),
            request,
            result,
            MeaiFeaturesOf(known),
            guards), null);
    }

    // The LLMT0002 the containing-type check reported, as values the generator's pipeline can hold.
    private static TypeNotPartialModel? TypeNotPartial(IMethodSymbol method, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        Location? location = diagnostics.FirstOrDefault(static d => d.Id == DiagnosticIds.TypeMustBePartial)?.Location;
        if (location?.SourceTree is not { } tree)
        {
            return null;
        }

        string typeName = tree.GetRoot(cancellationToken).FindToken(location.SourceSpan.Start).ValueText;
        return new TypeNotPartialModel(typeName, method.Name, tree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length);
    }

    private static string? PartialProblem(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "it is not declared 'partial'";
        }

        if (syntax.Body is not null || syntax.ExpressionBody is not null)
        {
            return "this declaration has a body; declare the method without one and write the body in the implementation method";
        }

        if (method.PartialImplementationPart is { } implementationPart
            && !implementationPart.Locations.All(static l => l.SourceTree?.FilePath.EndsWith(GeneratedFileSuffix, System.StringComparison.Ordinal) == true))
        {
            return "it already has an implementation part; remove it and put that code in the implementation method";
        }

        return null;
    }

    private static void ValidateArguments(IMethodSymbol method, LlmOperationAttributeData arguments, List<Diagnostic> diagnostics)
    {
        // A retrieval's operation name is fixed, and its provider is only conditionally required.
        if (!arguments.IsRetrieval)
        {
            if (string.IsNullOrWhiteSpace(arguments.OperationName))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidAttributeArgument, arguments.OperationNameLocation(),
                    $"The operation name of '{method.Name}' is empty; use a gen_ai.operation.name such as 'chat' or 'embeddings'"));
            }
            else if (!WellKnownValues.OperationNames.Contains(arguments.OperationName!))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnknownOperationName, arguments.OperationNameLocation(),
                    arguments.OperationName, string.Join(", ", WellKnownValues.OperationNames)));
            }

            if (string.IsNullOrWhiteSpace(arguments.Provider))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MissingProvider,
                    arguments.Provider is null ? arguments.AttributeLocation : arguments.ArgumentLocation("Provider"), method.Name));
            }
        }

        if (!string.IsNullOrWhiteSpace(arguments.Provider) && !WellKnownValues.ProviderNames.Contains(arguments.Provider!))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnknownProvider, arguments.ArgumentLocation("Provider"),
                arguments.Provider, string.Join(", ", WellKnownValues.ProviderNames)));
        }

        if (arguments.ServerPort is < 0 or > 65535)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidAttributeArgument, arguments.ArgumentLocation("ServerPort"),
                $"ServerPort {arguments.ServerPort} of '{method.Name}' is not a port number (1–65535, or 0 for none)"));
        }
        else if (arguments.ServerPort != 0 && string.IsNullOrEmpty(arguments.ServerAddress))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidAttributeArgument, arguments.ArgumentLocation("ServerPort"),
                $"ServerPort of '{method.Name}' is set without ServerAddress; server.port is only recorded with server.address"));
        }

        if (arguments.HasImplementation && (arguments.Implementation is not { Length: > 0 } || arguments.Implementation == method.Name))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidAttributeArgument, arguments.ArgumentLocation("Implementation"),
                arguments.Implementation == method.Name
                    ? $"Implementation of '{method.Name}' names the method itself; name the method that does the work"
                    : $"Implementation of '{method.Name}' is empty; use nameof(...) of the method that does the work"));
        }
    }

    private static string Modifiers(MethodDeclarationSyntax syntax, bool needsUnsafe)
    {
        var modifiers = syntax.Modifiers
            .Where(static m => !m.IsKind(SyntaxKind.ExternKeyword) && !m.IsKind(SyntaxKind.AsyncKeyword))
            .Select(static m => m.ValueText)
            .ToList();
        if (needsUnsafe && !modifiers.Contains("unsafe"))
        {
            modifiers.Insert(modifiers.IndexOf("partial"), "unsafe");
        }

        return string.Join(" ", modifiers);
    }

    private static ParameterModel Parameter(IParameterSymbol parameter)
    {
        string refKind = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            RefKind.RefReadOnlyParameter => "ref readonly ",
            _ => string.Empty,
        };
        string argumentPrefix = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In or RefKind.RefReadOnlyParameter => "in ",
            _ => string.Empty,
        };
        string declarationPrefix =
            (parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } ? "this " : string.Empty)
            + (parameter.IsParams ? "params " : string.Empty)
            + (parameter.ScopedKind != ScopedKind.None && !(parameter.RefKind == RefKind.Out) ? "scoped " : string.Empty)
            + refKind;
        return new ParameterModel(SymbolFormatting.Identifier(parameter.Name), SymbolFormatting.Type(parameter.Type), declarationPrefix, argumentPrefix);
    }

    private static MeaiFeatures MeaiFeaturesOf(KnownTypes known)
    {
        if (known.MeaiChatResponse is null)
        {
            return MeaiFeatures.None;
        }

        return new MeaiFeatures(
            HasMember(known.MeaiUsageDetails, "CachedInputTokenCount"),
            HasMember(known.MeaiUsageDetails, "ReasoningTokenCount"),
            known.MeaiTextReasoningContent is not null,
            HasMember(known.MeaiChatOptions, "TopK"),
            HasMember(known.MeaiChatOptions, "Seed"),
            HasMember(known.MeaiChatOptions, "Instructions"),
            HasMember(known.MeaiChatOptions, "ConversationId"));
    }

    private static bool HasMember(INamedTypeSymbol? type, string name) =>
        type is not null && !type.GetMembers(name).IsEmpty;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

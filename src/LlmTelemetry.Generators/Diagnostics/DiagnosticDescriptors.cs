using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Diagnostics;

/// <summary>Every diagnostic LlmTelemetry reports about the use of its attributes.</summary>
internal static class DiagnosticDescriptors
{
    private const string UsageCategory = "LlmTelemetry.Usage";
    private const string CoverageCategory = "LlmTelemetry.TracingCoverage";
    private const string ExposureCategory = "LlmTelemetry.DataExposure";
    private const string HelpLinkBase = "https://github.com/LlmTelemetry/LlmTelemetry/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor MethodMustBePartial = Create(
        DiagnosticIds.MethodMustBePartial,
        "Operation method must be a partial method without a body",
        "'{0}' must be declared 'partial' without a body so that LlmTelemetry can write its body: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        DiagnosticIds.TypeMustBePartial,
        "Containing type must be partial",
        "Type '{0}' must be declared 'partial' so that LlmTelemetry can add the body of '{1}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ImplementationNotFound = Create(
        DiagnosticIds.ImplementationNotFound,
        "Implementation method not found",
        "No implementation method '{0}' found for '{1}': declare '{0}' with the same parameters and return type, or name another method with Implementation = nameof(...)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ImplementationMismatch = Create(
        DiagnosticIds.ImplementationMismatch,
        "Implementation method does not match the operation method",
        "Implementation method '{0}' does not match '{1}': {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        DiagnosticIds.UnsupportedReturnType,
        "Return type cannot be instrumented",
        "'{0}' returns '{1}', which LlmTelemetry cannot instrument: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoModel = Create(
        DiagnosticIds.NoModel,
        "No request model known",
        "'{0}' has no request model: set Model on the attribute, or add a [Model] string parameter or a request-options parameter that carries a model id",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownProvider = Create(
        DiagnosticIds.UnknownProvider,
        "Provider name is not a well-known value",
        "Provider '{0}' is not a well-known gen_ai.provider.name value ({1}); use one of them when one fits",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingProvider = Create(
        DiagnosticIds.MissingProvider,
        "No provider name",
        "'{0}' sets no Provider: gen_ai.provider.name is required on GenAI client spans and metrics",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidAttributeArgument = Create(
        DiagnosticIds.InvalidAttributeArgument,
        "Invalid attribute argument",
        "{0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ParameterAttributeMisuse = Create(
        DiagnosticIds.ParameterAttributeMisuse,
        "Parameter attribute cannot be used here",
        "{0}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ResultNotMapped = Create(
        DiagnosticIds.ResultNotMapped,
        "Token usage cannot be read from the result",
        "LlmTelemetry cannot read token usage from '{0}', the result of '{1}': return a well-known response type or mark members of the result type with [InputTokens] and [OutputTokens]",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ResultMemberAttributeMisuse = Create(
        DiagnosticIds.ResultMemberAttributeMisuse,
        "Result member attribute on a member of the wrong type",
        "[{0}] cannot mark '{1}' of type '{2}': it needs {3}; the member is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedContainingType = Create(
        DiagnosticIds.UnsupportedContainingType,
        "Operation method in an unsupported type",
        "'{0}' is declared in {1}, so LlmTelemetry cannot write its body; move it to a class, struct or record",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownOperationName = Create(
        DiagnosticIds.UnknownOperationName,
        "Operation name is not a well-known value",
        "Operation name '{0}' is not a well-known gen_ai.operation.name value ({1}); use one of them when one fits",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocumentsNotMapped = Create(
        DiagnosticIds.DocumentsNotMapped,
        "Retrieved documents cannot be read from the result",
        "LlmTelemetry cannot read the documents '{1}' retrieves from '{0}': return an array, a list or another materialized collection, or an IAsyncEnumerable<T>, of a type with [DocumentId] or [DocumentScore] members or of VectorSearchResult<T>",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NoDataSource = Create(
        DiagnosticIds.NoDataSource,
        "No data source",
        "'{0}' names no data source: set DataSource on the attribute or add a [DataSource] string parameter, so that the span is 'retrieval {{data source}}' and carries gen_ai.data_source.id",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidEvalGuard = Create(
        DiagnosticIds.InvalidEvalGuard,
        "Invalid [EvalGuard]",
        "{0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OperationAndRetrieval = Create(
        DiagnosticIds.OperationAndRetrieval,
        "Method marked both [LlmOperation] and [Retrieval]",
        "'{0}' is marked both [LlmOperation] and [Retrieval]: a call is a model call or a retrieval, so keep the attribute that says what it does",
        DiagnosticSeverity.Error);

    // Reported once per compilation, when it ends: tagged so, as Roslyn asks of such diagnostics.
    public static readonly DiagnosticDescriptor UnknownSemanticConventions = new(
        DiagnosticIds.UnknownSemanticConventions,
        "Unknown LlmTelemetrySemanticConventions value",
        "LlmTelemetrySemanticConventions is '{0}', which is not baseline, latest or both; the baseline conventions are emitted",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + DiagnosticIds.UnknownSemanticConventions + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UntracedModelCall = Create(
        DiagnosticIds.UntracedModelCall,
        "Model call is not traced",
        "This call to '{0}' is not traced: {1}; make the method an [LlmOperation], or add UseOpenTelemetry() where the client is built",
        DiagnosticSeverity.Warning,
        CoverageCategory);

    public static readonly DiagnosticDescriptor UnseenClientModelCall = Create(
        DiagnosticIds.UnseenClientModelCall,
        "Model call through a client whose tracing cannot be seen",
        "This call to '{0}' goes through '{1}', which is handed in from elsewhere, and no registration in this project traces it; make the method an [LlmOperation], or {2}",
        DiagnosticSeverity.Info,
        CoverageCategory);

    public static readonly DiagnosticDescriptor ImplementationAsDelegate = Create(
        DiagnosticIds.ImplementationAsDelegate,
        "Implementation method used as a delegate",
        "'{0}' is the implementation of '{1}': a delegate made from it skips the generated body and its telemetry; use '{1}' instead",
        DiagnosticSeverity.Warning,
        CoverageCategory);

    public static readonly DiagnosticDescriptor ImplementationCalledDirectly = Create(
        DiagnosticIds.ImplementationCalledDirectly,
        "Implementation method called directly",
        "'{0}' is the implementation of '{1}': calling it directly skips the generated body and its telemetry; call '{1}' instead",
        DiagnosticSeverity.Warning,
        CoverageCategory);

    public static readonly DiagnosticDescriptor TextLogged = Create(
        DiagnosticIds.TextLogged,
        "Prompt or completion text is logged unredacted",
        "{0} is written to the log by '{1}' unredacted: redact it, or log a derivative such as its length",
        DiagnosticSeverity.Warning,
        ExposureCategory);

    public static readonly DiagnosticDescriptor TextWrittenToConsole = Create(
        DiagnosticIds.TextWrittenToConsole,
        "Prompt or completion text is written to console or debug output",
        "{0} is written to '{1}' unredacted: redact it, write a derivative such as its length, or turn LLMT1002 off where showing the text is the point",
        DiagnosticSeverity.Warning,
        ExposureCategory);

    public static readonly DiagnosticDescriptor TextRecordedOnSpan = Create(
        DiagnosticIds.TextRecordedOnSpan,
        "Prompt or completion text is recorded on a span unredacted",
        "{0} is recorded on a span by '{1}' unredacted, and telemetry backends keep it: redact it, record a derivative such as its length, or leave content to LlmTelemetry's opt-in content capture",
        DiagnosticSeverity.Warning,
        ExposureCategory);

    public static readonly DiagnosticDescriptor TextInExceptionMessage = Create(
        DiagnosticIds.TextInExceptionMessage,
        "Prompt or completion text in an exception message",
        "{0} is put in the message of a new '{1}', and exception messages end up in logs and traces: leave the text out, or redact it",
        DiagnosticSeverity.Warning,
        ExposureCategory);

    public static readonly DiagnosticDescriptor RawContentCaptureOn = Create(
        DiagnosticIds.RawContentCaptureOn,
        "Raw content capture turned on outside development",
        "{0} records raw prompts and completions, and nothing limits it to development: turn it off, or set it only under an IsDevelopment() check",
        DiagnosticSeverity.Warning,
        ExposureCategory);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string category = UsageCategory) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}

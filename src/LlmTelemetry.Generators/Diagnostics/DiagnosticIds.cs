namespace LlmTelemetry.Generators.Diagnostics;

/// <summary>The diagnostic IDs, one place for all of them (LLMT0xxx: attribute usage; LLMT1xxx: data exposure; LLMT2xxx: tracing coverage).</summary>
internal static class DiagnosticIds
{
    public const string MethodMustBePartial = "LLMT0001";
    public const string TypeMustBePartial = "LLMT0002";
    public const string ImplementationNotFound = "LLMT0003";
    public const string ImplementationMismatch = "LLMT0004";
    public const string UnsupportedReturnType = "LLMT0005";
    public const string NoModel = "LLMT0006";
    public const string UnknownProvider = "LLMT0007";
    public const string MissingProvider = "LLMT0008";
    public const string InvalidAttributeArgument = "LLMT0009";
    public const string ParameterAttributeMisuse = "LLMT0010";
    public const string ResultNotMapped = "LLMT0011";
    public const string ResultMemberAttributeMisuse = "LLMT0012";
    public const string UnsupportedContainingType = "LLMT0013";
    public const string UnknownOperationName = "LLMT0014";
    public const string DocumentsNotMapped = "LLMT0015";
    public const string NoDataSource = "LLMT0016";
    public const string InvalidEvalGuard = "LLMT0017";
    public const string OperationAndRetrieval = "LLMT0018";
    public const string UnknownSemanticConventions = "LLMT0019";
    public const string TextLogged = "LLMT1001";
    public const string TextWrittenToConsole = "LLMT1002";
    public const string TextRecordedOnSpan = "LLMT1003";
    public const string TextInExceptionMessage = "LLMT1004";
    public const string RawContentCaptureOn = "LLMT1005";
    public const string UntracedModelCall = "LLMT2001";
    public const string UnseenClientModelCall = "LLMT2002";
    public const string ImplementationAsDelegate = "LLMT2003";
    public const string ImplementationCalledDirectly = "LLMT2004";
}

using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The cheap pre-check that keeps the flow analysis to the few methods that need it: one walk of the operation tree
/// looking for somewhere text can be written (a sink, an exception, a logging wrapper of this compilation) that is
/// handed a value able to hold text, and somewhere text can come from. Model-calling code mostly logs lengths, token
/// counts and durations: a method whose sinks only receive numbers and constants cannot expose anything.
/// </summary>
internal sealed class ExposureCandidates(DataExposureContext exposure, DataExposureOptions options)
{
    private readonly DataExposureCatalog _catalog = exposure.Catalog;

    public bool Contains(IOperation body, ISymbol owner, CancellationToken cancellationToken)
    {
        // Sinks first: they are rarer than sources, and most methods have none that can be handed text.
        if (!body.Descendants().Any(operation => IsSink(operation, cancellationToken)))
        {
            return false;
        }

        return (owner is IMethodSymbol method && method.Parameters.Any(IsSourceParameter)) || body.Descendants().Any(IsSource);
    }

    private bool IsSourceParameter(IParameterSymbol parameter) =>
        _catalog.HasPromptAttribute(parameter) || _catalog.IsClassified(parameter) || _catalog.IsContentType(parameter.Type);

    private bool IsSink(IOperation operation, CancellationToken cancellationToken) => operation switch
    {
        _ when operation.Kind is not (OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.PropertyReference) => false,
        IInvocationOperation invocation => IsSinkCall(invocation, cancellationToken),
        IObjectCreationOperation creation => _catalog.IsExceptionType(creation.Type)
            && creation.Arguments.Any(a => a.Parameter?.Type.SpecialType == SpecialType.System_String && CanHoldText(a.Value)),
        IPropertyReferenceOperation property => _catalog.ClassifySinkProperty(property.Property) is not null,
        _ => false,
    };

    // A sink, or a wrapper of this compilation that hands a parameter to one, given a value that can hold text.
    private bool IsSinkCall(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (_catalog.ClassifySink(method, invocation.Instance, options, out System.Func<IParameterSymbol, bool> isSinkArgument) is not null)
        {
            return invocation.Arguments.Any(a => a.Parameter is { } parameter && isSinkArgument(parameter) && CanHoldText(a.Value));
        }

        if (!exposure.IsInSource(method) || method.MethodKind == MethodKind.LocalFunction)
        {
            return false;
        }

        ImmutableArray<ParameterSink> sinks = exposure.Summarize(method, 1, cancellationToken).ParameterSinks;
        return sinks.Any(sink => invocation.Arguments.Any(a => a.Parameter?.Ordinal == sink.Ordinal && CanHoldText(a.Value)));
    }

    // The flow analysis gives no taint to a value of a scalar type, to what a redactor returns, or to a chat type's
    // ids, roles and other non-text members, so a constant, a number, a redacted value, a response's model id, a params
    // array or an interpolation made only of those, or a boxing of one, never reaches a sink as text: code that logs only
    // those (as careful code and the code fix do) needs no flow analysis.
    private bool CanHoldText(IOperation value) => value switch
    {
        { ConstantValue.HasValue: true } => false,
        _ when _catalog.IsScalar(value.Type) => false,
        IInvocationOperation invocation when _catalog.IsSanitizer(invocation.TargetMethod, options) => false,
        IPropertyReferenceOperation { Instance.Type: { } receiverType, Property: var property } when _catalog.IsClientLibraryType(receiverType)
            => _catalog.CarriesText(property),
        IConversionOperation { OperatorMethod: null } conversion => CanHoldText(conversion.Operand),
        IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer } => initializer.ElementValues.Any(CanHoldText),
        IInterpolatedStringOperation interpolated => interpolated.Parts.Any(p => p is IInterpolationOperation part && CanHoldText(part.Expression)),
        _ => true,
    };

    private bool IsSource(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.MethodKind == MethodKind.LocalFunction
            || exposure.IsInSource(invocation.TargetMethod)
            || _catalog.ModelCalls.Classify(invocation.TargetMethod, options.ModelCalls) is not null
            || _catalog.IsLlmOperation(invocation.TargetMethod)
            || options.IsListedSource(invocation.TargetMethod)
            || invocation.TargetMethod.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _catalog.PromptAttribute))
            || _catalog.IsContentType(invocation.Type),
        IMemberReferenceOperation member => exposure.IsStorage(member.Member) || _catalog.HasPromptAttribute(member.Member) || _catalog.IsClassified(member.Member)
            || options.IsListedSource(member.Member) || _catalog.IsContentType(member.Type),
        IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters.Any(IsSourceParameter),
        _ => _catalog.IsContentType(operation.Type),
    };
}

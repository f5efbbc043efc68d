using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The cheap pre-check that keeps the flow analysis to the few methods that need it: one walk of the operation tree
/// looking for somewhere text can be written (a sink, an exception, a logging wrapper of this compilation) and
/// somewhere it can come from.
/// </summary>
internal sealed class ExposureCandidates(DataExposureContext exposure, DataExposureOptions options)
{
    private readonly DataExposureCatalog _catalog = exposure.Catalog;

    public bool Contains(IOperation body, ISymbol owner, CancellationToken cancellationToken)
    {
        bool sink = false;
        bool source = owner is IMethodSymbol method && method.Parameters.Any(IsSourceParameter);
        foreach (IOperation operation in body.Descendants())
        {
            sink = sink || IsSink(operation, cancellationToken);
            source = source || IsSource(operation);
            if (sink && source)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSourceParameter(IParameterSymbol parameter) =>
        _catalog.HasPromptAttribute(parameter) || _catalog.IsClassified(parameter) || _catalog.IsContentType(parameter.Type);

    private bool IsSink(IOperation operation, CancellationToken cancellationToken) => operation switch
    {
        IInvocationOperation invocation => _catalog.ClassifySink(invocation.TargetMethod, invocation.Instance, options, out _) is not null
            || (exposure.IsInSource(invocation.TargetMethod) && invocation.TargetMethod.MethodKind != MethodKind.LocalFunction
                && !exposure.Summarize(invocation.TargetMethod, 1, cancellationToken).ParameterSinks.IsEmpty),
        IObjectCreationOperation creation => _catalog.IsExceptionType(creation.Type),
        IPropertyReferenceOperation property => _catalog.ClassifySinkProperty(property.Property) is not null,
        _ => false,
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

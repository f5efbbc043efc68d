using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Values sent to a model are prompts wherever they appear in the method, also before the call that sends them:
/// a variable logged and then sent leaks the prompt as surely as one logged after.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    private void FindSentValues(IOperation body)
    {
        foreach (IInvocationOperation invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            IMethodSymbol method = invocation.TargetMethod;
            bool modelCall = _catalog.ModelCalls.Classify(method, _options.ModelCalls) is not null;
            bool operation = !modelCall && _catalog.IsLlmOperation(method);
            if (!modelCall && !operation)
            {
                continue;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter
                    || !(operation ? _catalog.HasPromptAttribute(parameter) || _catalog.IsContentType(parameter.Type) : IsMessageParameter(parameter)))
                {
                    continue;
                }

                foreach (ISymbol root in Roots(argument.Value))
                {
                    MarkSent(root, method.Name, argument.Value.Syntax.GetLocation(), body);
                }
            }
        }
    }

    private bool IsMessageParameter(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_String || _catalog.IsContentType(parameter.Type);

    // Also what went into a sent variable: the text a message was built from, the messages a list was filled with.
    private void MarkSent(ISymbol variable, string sender, Location sentAt, IOperation body)
    {
        if (_sent.ContainsKey(variable))
        {
            return;
        }

        _sent[variable] = new TaintSource($"The prompt '{variable.Name}' (sent to the model by '{sender}')", sentAt);
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            IOperation? value = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, variable) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation assignment when SymbolEqualityComparer.Default.Equals(VariableOf(assignment.Target), variable) => assignment.Value,
                IInvocationOperation call when call.Instance is { } instance && SymbolEqualityComparer.Default.Equals(VariableOf(instance), variable) && DataExposureCatalog.IsMutator(call.TargetMethod)
                    => call.Arguments.FirstOrDefault()?.Value,
                _ => null,
            };
            if (value is not null)
            {
                foreach (ISymbol root in Roots(value))
                {
                    MarkSent(root, sender, sentAt, body);
                }
            }
        }
    }

    private static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    // The variables a sent value is made of, through the operations that only combine text (not member reads).
    private static IEnumerable<ISymbol> Roots(IOperation value)
    {
        switch (value)
        {
            case ILocalReferenceOperation local:
                yield return local.Local;
                yield break;
            case IParameterReferenceOperation parameter:
                yield return parameter.Parameter;
                yield break;
            case IConversionOperation or IInterpolatedStringOperation or IInterpolationOperation or IBinaryOperation or IArgumentOperation
                or IObjectCreationOperation or IArrayCreationOperation or IArrayInitializerOperation or ICoalesceOperation or IConditionalOperation
                or IObjectOrCollectionInitializerOperation or IParenthesizedOperation:
            case { Kind: OperationKind.CollectionExpression or OperationKind.Spread }:
            case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } }:
                foreach (IOperation child in value.ChildOperations)
                {
                    foreach (ISymbol root in Roots(child))
                    {
                        yield return root;
                    }
                }

                yield break;
        }
    }
}

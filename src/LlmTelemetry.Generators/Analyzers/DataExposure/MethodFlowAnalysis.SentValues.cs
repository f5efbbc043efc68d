using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Values sent to a model are prompts wherever they appear in the method, also before the call that sends them:
/// a variable logged and then sent leaks the prompt as surely as one logged after.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    // One walk of the body finds the values sent to a model and every write into a local or parameter; marking then reads
    // the list of writes, not the body again for each variable found sent.
    private void FindSentValues(IOperation body)
    {
        var sends = new List<(IOperation Value, string Sender)>();
        var writes = new List<(ISymbol Variable, IOperation Value)>();
        CollectSendsAndWrites(body, sends, writes);
        if (sends.Count == 0)
        {
            return;
        }

        var roots = new List<ISymbol>();
        foreach ((IOperation value, string sender) in sends)
        {
            roots.Clear();
            AddRoots(value, roots);
            foreach (ISymbol root in roots)
            {
                MarkSent(root, sender, value.Syntax.GetLocation(), writes);
            }
        }
    }

    private void CollectSendsAndWrites(IOperation operation, List<(IOperation Value, string Sender)> sends, List<(ISymbol Variable, IOperation Value)> writes)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                CollectSentArguments(invocation, sends);
                if (invocation.Instance is { } instance && VariableOf(instance) is { } mutated && DataExposureCatalog.IsMutator(invocation.TargetMethod)
                    && !invocation.Arguments.IsEmpty)
                {
                    writes.Add((mutated, invocation.Arguments[0].Value));
                }

                break;
            case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator:
                writes.Add((declarator.Symbol, initial));
                break;
            case ISimpleAssignmentOperation assignment when VariableOf(assignment.Target) is { } assigned:
                writes.Add((assigned, assignment.Value));
                break;
        }

        foreach (IOperation child in operation.ChildOperations)
        {
            CollectSendsAndWrites(child, sends, writes);
        }
    }

    private void CollectSentArguments(IInvocationOperation invocation, List<(IOperation Value, string Sender)> sends)
    {
        IMethodSymbol method = invocation.TargetMethod;
        bool modelCall = _catalog.IsModelCall(method, _options);
        bool operation = !modelCall && _catalog.IsLlmOperation(method);
        if (!modelCall && !operation)
        {
            return;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && (operation ? _catalog.HasPromptAttribute(parameter) || _catalog.IsContentType(parameter.Type) : IsMessageParameter(parameter)))
            {
                sends.Add((argument.Value, method.Name));
            }
        }
    }

    private bool IsMessageParameter(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_String || _catalog.IsContentType(parameter.Type);

    // Also what went into a sent variable: the text a message was built from, the messages a list was filled with.
    private void MarkSent(ISymbol variable, string sender, Location sentAt, List<(ISymbol Variable, IOperation Value)> writes)
    {
        if (_sent.ContainsKey(variable))
        {
            return;
        }

        _sent[variable] = new TaintSource($"The prompt '{variable.Name}' (sent to the model by '{sender}')", sentAt);
        List<ISymbol>? roots = null;
        foreach ((ISymbol written, IOperation value) in writes)
        {
            if (!SymbolEqualityComparer.Default.Equals(written, variable))
            {
                continue;
            }

            (roots ??= new List<ISymbol>()).Clear();
            AddRoots(value, roots);
            foreach (ISymbol root in roots)
            {
                MarkSent(root, sender, sentAt, writes);
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
    private static void AddRoots(IOperation value, List<ISymbol> roots)
    {
        switch (value)
        {
            case ILocalReferenceOperation local:
                roots.Add(local.Local);
                break;
            case IParameterReferenceOperation parameter:
                roots.Add(parameter.Parameter);
                break;
            case IConversionOperation or IInterpolatedStringOperation or IInterpolationOperation or IBinaryOperation or IArgumentOperation
                or IObjectCreationOperation or IArrayCreationOperation or IArrayInitializerOperation or ICoalesceOperation or IConditionalOperation
                or IObjectOrCollectionInitializerOperation or IParenthesizedOperation:
            case { Kind: OperationKind.CollectionExpression or OperationKind.Spread }:
            case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } }:
                foreach (IOperation child in value.ChildOperations)
                {
                    AddRoots(child, roots);
                }

                break;
        }
    }
}

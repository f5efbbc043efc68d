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
    // The scan of the body lists its calls and every write into a local or parameter: marking reads those lists, not the
    // body again for each variable found sent.
    private void FindSentValues(BodyScan scan)
    {
        List<(IOperation Value, string Sender)>? sends = null;
        foreach (IOperation candidate in scan.SinkCandidates)
        {
            if (candidate is IInvocationOperation invocation)
            {
                CollectSentArguments(invocation, ref sends);
            }
        }

        if (sends is null)
        {
            return;
        }

        var writes = new WritesByVariable(scan.Writes);
        var roots = new List<ISymbol>();
        var rootsOfWrites = new List<ISymbol>();
        foreach ((IOperation value, string sender) in sends)
        {
            roots.Clear();
            AddRoots(value, roots);
            foreach (ISymbol root in roots)
            {
                MarkSent(root, sender, value.Syntax.GetLocation(), writes, rootsOfWrites);
            }
        }
    }

    private void CollectSentArguments(IInvocationOperation invocation, ref List<(IOperation Value, string Sender)>? sends)
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
                (sends ??= new List<(IOperation Value, string Sender)>()).Add((argument.Value, method.Name));
            }
        }
    }

    private bool IsMessageParameter(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_String || _catalog.IsContentType(parameter.Type);

    // Also what went into a sent variable: the text a message was built from, the messages a list was filled with. (A
    // worklist, not recursion: a chain of variables each built from the last can be as long as the method.)
    private void MarkSent(ISymbol sentVariable, string sender, Location sentAt, WritesByVariable writes, List<ISymbol> roots)
    {
        var pending = WalkStacks<ISymbol>.Rent();
        try
        {
            pending.Push(sentVariable);
            while (pending.Count > 0)
            {
                ISymbol variable = pending.Pop();
                if (_sent.ContainsKey(variable))
                {
                    continue;
                }

                _sent[variable] = new TaintSource($"The prompt '{variable.Name}' (sent to the model by '{sender}')", sentAt);
                foreach (IOperation value in writes.Of(variable))
                {
                    roots.Clear();
                    AddRoots(value, roots);
                    foreach (ISymbol root in roots)
                    {
                        pending.Push(root);
                    }
                }
            }
        }
        finally
        {
            WalkStacks<ISymbol>.Return(pending);
        }
    }

    // The variables a sent value is made of, through the operations that only combine text (not member reads).
    private static void AddRoots(IOperation sent, List<ISymbol> roots)
    {
        var pending = WalkStacks<IOperation>.Rent();
        try
        {
            pending.Push(sent);
            while (pending.Count > 0)
            {
                IOperation value = pending.Pop();
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
                        foreach (IOperation child in value.ChildOperations.Reverse())
                        {
                            pending.Push(child);
                        }

                        break;
                }
            }
        }
        finally
        {
            WalkStacks<IOperation>.Return(pending);
        }
    }

    // What was written to each variable: looked up in the scan's list, indexed once a method has many writes (a chain of
    // variables each built from the last can be as long as the method).
    private sealed class WritesByVariable(List<(ISymbol Variable, IOperation Value)> writes)
    {
        private const int IndexFrom = 32;
        private Dictionary<ISymbol, List<IOperation>>? _index;

        public IEnumerable<IOperation> Of(ISymbol variable)
        {
            if (writes.Count < IndexFrom)
            {
                return Scan(variable);
            }

            _index ??= Index();
            return _index.TryGetValue(variable, out List<IOperation>? values) ? values : System.Array.Empty<IOperation>();
        }

        private IEnumerable<IOperation> Scan(ISymbol variable)
        {
            foreach ((ISymbol written, IOperation value) in writes)
            {
                if (SymbolEqualityComparer.Default.Equals(written, variable))
                {
                    yield return value;
                }
            }
        }

        private Dictionary<ISymbol, List<IOperation>> Index()
        {
            var index = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach ((ISymbol variable, IOperation value) in writes)
            {
                if (!index.TryGetValue(variable, out List<IOperation>? values))
                {
                    index[variable] = values = new List<IOperation>();
                }

                values.Add(value);
            }

            return index;
        }
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The walk without a control-flow graph, for a method whose statements run in the order they are written: blocks,
/// declarations, expression statements, <c>if</c>/<c>else</c>, <c>return</c> and <c>throw</c>, with branches inside
/// expressions (<c>?.</c>, <c>??</c>, <c>?:</c>, <c>&amp;&amp;</c>, <c>||</c>) only where they write nothing.
/// </summary>
/// <remarks>
/// Building Roslyn's graph costs about as much as the walk over it, and most model-calling methods have no loop, no
/// <c>try</c> and no lambda: for them the same transfer function runs over the operation tree, an <c>if</c> joining
/// what its two branches leave. A body with anything else goes to the graph.
/// </remarks>
internal sealed partial class MethodFlowAnalysis
{
    // False after a return or a throw, until the branches of an if join: what follows does not run.
    private bool _reachable = true;

    /// <summary>The statements a walk in order starts from, or <see langword="null"/> for a body that has none to walk.</summary>
    internal static IOperation? StatementsOf(IOperation body) => body switch
    {
        IMethodBodyOperation { BlockBody: { } block, ExpressionBody: null } => block,
        IMethodBodyOperation { BlockBody: null, ExpressionBody: { } expression } => expression,
        IBlockOperation { Parent: IMethodBodyOperation } block => block,
        _ => null,
    };

    private Taint RunInOrder(IOperation body, FlowState entry)
    {
        _state = entry;
        _returned = Taint.None;
        _reachable = true;
        Walk(StatementsOf(body)!);
        return _returned;
    }

    private void Walk(IOperation statement)
    {
        if (!_reachable)
        {
            return; // after a return or a throw
        }

        _cancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case IBlockOperation block:
                foreach (IOperation inner in block.Operations)
                {
                    Walk(inner);
                }

                break;
            case IVariableDeclarationGroupOperation group:
                // As the graph has it: a declarator with an initializer is an assignment of the local.
                foreach (IVariableDeclarationOperation declaration in group.Declarations)
                {
                    foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                    {
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            Store(declarator.Symbol, Evaluate(initializer.Value), strong: true, initializer.Value);
                        }
                    }
                }

                break;
            case IExpressionStatementOperation expression:
                Evaluate(expression.Operation);
                break;
            case IReturnOperation or IThrowOperation:
                Evaluate(statement); // a returned value joins what the method returns
                _reachable = false;
                break;
            case IConditionalOperation branch:
                WalkBranches(branch);
                break;
            default:
                Evaluate(statement);
                break;
        }
    }

    private void WalkBranches(IConditionalOperation branch)
    {
        Evaluate(branch.Condition);
        FlowState before = _state;
        _state = before.Clone();
        Walk(branch.WhenTrue);
        FlowState? afterTrue = _reachable ? _state : null;

        _state = before;
        _reachable = true;
        if (branch.WhenFalse is { } whenFalse)
        {
            Walk(whenFalse);
        }

        FlowState? afterFalse = _reachable ? _state : null;
        if (afterTrue is not null && afterFalse is not null)
        {
            afterTrue.JoinFrom(afterFalse, _defaultOf);
        }

        _state = afterTrue ?? afterFalse ?? _state;
        _reachable = afterTrue is not null || afterFalse is not null;
    }
}

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
        AnalysisBounds.EnterNested(ref _nesting);
        try
        {
            WalkStatement(statement);
        }
        finally
        {
            _nesting--;
        }
    }

    private void WalkStatement(IOperation statement)
    {
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

    // An if and its else-if chain, in a loop (a chain is as deep as it is long): each condition is evaluated where the
    // previous one was false, and what the reachable branches leave is joined.
    private void WalkBranches(IConditionalOperation branch)
    {
        FlowState? joined = null;
        for (IConditionalOperation current = branch; ;)
        {
            Evaluate(current.Condition);
            FlowState before = _state;
            _state = before.Clone();
            Walk(current.WhenTrue);
            joined = JoinReachable(joined);

            _state = before;
            _reachable = true;
            if (current.WhenFalse is IConditionalOperation { Type: null } elseIf)
            {
                current = elseIf;
                continue;
            }

            if (current.WhenFalse is { } whenFalse)
            {
                Walk(whenFalse);
            }

            joined = JoinReachable(joined);
            break;
        }

        _reachable = joined is not null;
        _state = joined ?? _state;
    }

    // What the branch just walked leaves, joined into what the earlier ones left (when it can be left at all).
    private FlowState? JoinReachable(FlowState? joined)
    {
        if (!_reachable)
        {
            return joined;
        }

        if (joined is null)
        {
            return _state;
        }

        joined.JoinFrom(_state, _defaultOf);
        return joined;
    }
}

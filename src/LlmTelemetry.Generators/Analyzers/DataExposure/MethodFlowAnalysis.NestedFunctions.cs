using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Lambdas and local functions: each is walked over its own graph from the state where it is created or called, and a
/// walk is remembered by the state it started from, so that a second call from the same state (a local function
/// called twice in a row, a lambda met again on the next pass over a loop) reuses it instead of walking again.
/// </summary>
/// <remarks>
/// Without the memory, local functions that each call the next twice made the walk exponential in their number
/// (9.9 s at 20 levels, 32.7 s at 22). A walk from a given state always yields the same result, findings and writes
/// to captured variables, so reusing it changes nothing but the cost. A function entered from more than
/// <see cref="MaxExactWalks"/> different states (nested lambdas in loops can reach 2^depth of them) is from then on
/// walked from the join of every state it was entered from, again only when that join grows: a may-analysis loses
/// nothing it would report, and may report a little more for that function.
/// </remarks>
internal sealed partial class MethodFlowAnalysis
{
    private const int MaxExactWalks = 8;

    private readonly Dictionary<object, NestedFunctionWalks> _nestedWalks = new(NestedFunctionKeyComparer.Instance);

    private Taint EvaluateLambda(IFlowAnonymousFunctionOperation lambda)
    {
        FlowState entry = _state.Clone();
        foreach (IParameterSymbol parameter in lambda.Symbol.Parameters)
        {
            entry.Set(parameter, ChatContentParameter(parameter));
        }

        return WalkNested(lambda, entry);
    }

    private Taint EvaluateLocalFunction(IMethodSymbol localFunction, Taint[]? arguments)
    {
        // A generic local function called as 'F<int>()' has its graph under its definition.
        IMethodSymbol definition = localFunction.OriginalDefinition;
        if (!_activeLocalFunctions.Add(definition))
        {
            Taint given = Taint.None; // recursion: assume it returns what it is given
            foreach (Taint argument in arguments ?? System.Array.Empty<Taint>())
            {
                given = given.Union(argument);
            }

            return given;
        }

        try
        {
            FlowState entry = _state.Clone();
            foreach (IParameterSymbol parameter in definition.Parameters)
            {
                entry.Set(parameter, arguments is not null && parameter.Ordinal < arguments.Length ? arguments[parameter.Ordinal] : Taint.None);
            }

            return WalkNested(definition, entry);
        }
        finally
        {
            _activeLocalFunctions.Remove(definition);
        }
    }

    // Walks a nested function's graph from 'entry' (or reuses a walk from an equal state) and joins what it leaves in
    // captured variables into the current state; returns what the function returns.
    // 'function' is a lambda's operation or a local function's definition.
    private Taint WalkNested(object function, FlowState entry)
    {
        if (!_nestedWalks.TryGetValue(function, out NestedFunctionWalks? walks))
        {
            _nestedWalks[function] = walks = new NestedFunctionWalks();
        }

        foreach (NestedWalk walk in walks.Exact)
        {
            if (walk.Entry.SameAs(entry))
            {
                return Reuse(walk);
            }
        }

        if (walks.Exact.Count < MaxExactWalks)
        {
            NestedWalk exact = Walk(entry, GraphOf(function));
            walks.Exact.Add(exact);
            return Reuse(exact);
        }

        if (walks.Widened is { } widened)
        {
            FlowState joined = widened.Entry.Clone();
            if (!joined.JoinFrom(entry, _defaultOf))
            {
                return Reuse(widened);
            }

            entry = joined;
        }

        walks.Widened = Walk(entry, GraphOf(function));
        return Reuse(walks.Widened);
    }

    // Neither state is changed after the walk (the graph's entry block has no predecessors to join into it, and its exit
    // state is read only by Reuse), so both are kept as they are.
    private NestedWalk Walk(FlowState entry, ControlFlowGraph graph)
    {
        FlowState outer = _state;
        Taint returned = RunGraph(graph, entry);
        var walk = new NestedWalk(entry, _state, returned);
        _state = outer;
        return walk;
    }

    private ControlFlowGraph GraphOf(object function) => function is IFlowAnonymousFunctionOperation lambda
        ? _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken)
        : _graph.GetLocalFunctionControlFlowGraphInScope((IMethodSymbol)function, _cancellationToken);

    // What the function wrote to captured variables joins the current state; the call yields what it returns.
    private Taint Reuse(NestedWalk walk)
    {
        _state.JoinFrom(walk.Exit, _defaultOf);
        return walk.Returned;
    }

    private sealed record NestedWalk(FlowState Entry, FlowState Exit, Taint Returned);

    private sealed class NestedFunctionWalks
    {
        public List<NestedWalk> Exact { get; } = new();

        public NestedWalk? Widened { get; set; }
    }

    // Local functions by symbol, lambdas by their operation.
    private sealed class NestedFunctionKeyComparer : IEqualityComparer<object>
    {
        public static readonly NestedFunctionKeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : ReferenceEquals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

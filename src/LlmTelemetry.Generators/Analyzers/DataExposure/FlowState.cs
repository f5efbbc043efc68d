using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// What each local, parameter, flow capture and field of <c>this</c> may carry at one point of a method. A key that
/// is absent has its default: clean for a local, the compilation-wide taint for a field.
/// </summary>
internal sealed class FlowState
{
    private readonly Dictionary<object, Taint> _values;

    public FlowState()
    {
        _values = new Dictionary<object, Taint>(KeyComparer.Instance);
    }

    private FlowState(Dictionary<object, Taint> values)
    {
        _values = new Dictionary<object, Taint>(values, KeyComparer.Instance);
    }

    public Taint Get(object key, Func<object, Taint> defaultOf) => _values.TryGetValue(key, out Taint? taint) ? taint : defaultOf(key);

    public void Set(object key, Taint taint) => _values[key] = taint;

    public FlowState Clone() => new(_values);

    /// <summary>Joins <paramref name="other"/> into this state (may-taint: a union); whether anything changed.</summary>
    public bool JoinFrom(FlowState other, Func<object, Taint> defaultOf)
    {
        bool changed = false;
        foreach (KeyValuePair<object, Taint> entry in other._values)
        {
            Taint current = Get(entry.Key, defaultOf);
            Taint joined = current.Union(entry.Value);
            if (!_values.TryGetValue(entry.Key, out Taint? stored) || !joined.Equals(stored))
            {
                _values[entry.Key] = joined;
                changed |= !joined.Equals(current) || stored is null;
            }
        }

        return changed;
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol xs && y is ISymbol ys ? SymbolEqualityComparer.Default.Equals(xs, ys) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}

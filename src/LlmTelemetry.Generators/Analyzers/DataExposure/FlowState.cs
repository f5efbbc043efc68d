using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// What each local, parameter, flow capture and field of <c>this</c> may carry at one point of a method. A key that
/// is absent has its default: clean for a local, a parameter or a capture, the compilation-wide taint for a field.
/// </summary>
/// <remarks>
/// A state is copied at every branch of the control-flow graph, and most values are clean: only what carries
/// something is held (and a field's clean write, which differs from its default), and nothing is allocated until
/// then. Captures have their own table so that their ids are not boxed.
/// </remarks>
internal sealed class FlowState
{
    private Dictionary<ISymbol, Taint>? _symbols;
    private Dictionary<CaptureId, Taint>? _captures;

    public Taint Get(ISymbol key, Func<ISymbol, Taint> defaultOf) =>
        _symbols is not null && _symbols.TryGetValue(key, out Taint? taint) ? taint : defaultOf(key);

    public Taint Get(CaptureId key) => _captures is not null && _captures.TryGetValue(key, out Taint? taint) ? taint : Taint.None;

    public void Set(ISymbol key, Taint taint)
    {
        if (taint.IsNone && key is not (IFieldSymbol or IPropertySymbol))
        {
            _symbols?.Remove(key);
        }
        else
        {
            (_symbols ??= new Dictionary<ISymbol, Taint>(SymbolEqualityComparer.Default))[key] = taint;
        }
    }

    public void Set(CaptureId key, Taint taint)
    {
        if (taint.IsNone)
        {
            _captures?.Remove(key);
        }
        else
        {
            (_captures ??= new Dictionary<CaptureId, Taint>())[key] = taint;
        }
    }

    public FlowState Clone() => new()
    {
        _symbols = _symbols is { Count: > 0 } ? new Dictionary<ISymbol, Taint>(_symbols, SymbolEqualityComparer.Default) : null,
        _captures = _captures is { Count: > 0 } ? new Dictionary<CaptureId, Taint>(_captures) : null,
    };

    /// <summary>Whether both states hold the same entries (a field held at its default in one and absent in the other counts as different).</summary>
    public bool SameAs(FlowState other) => SameEntries(_symbols, other._symbols) && SameEntries(_captures, other._captures);

    private static bool SameEntries<TKey>(Dictionary<TKey, Taint>? x, Dictionary<TKey, Taint>? y)
        where TKey : notnull
    {
        int count = x?.Count ?? 0;
        if (count != (y?.Count ?? 0))
        {
            return false;
        }

        if (count == 0)
        {
            return true;
        }

        foreach (KeyValuePair<TKey, Taint> entry in x!)
        {
            if (!y!.TryGetValue(entry.Key, out Taint? other) || !entry.Value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Joins <paramref name="other"/> into this state (may-taint: a union); whether anything changed.</summary>
    public bool JoinFrom(FlowState other, Func<ISymbol, Taint> defaultOf)
    {
        bool changed = false;
        if (other._symbols is not null)
        {
            foreach (KeyValuePair<ISymbol, Taint> entry in other._symbols)
            {
                Taint current = Get(entry.Key, defaultOf);
                Taint joined = current.Union(entry.Value);
                Taint? stored = null;
                if (_symbols is null || !_symbols.TryGetValue(entry.Key, out stored) || !joined.Equals(stored))
                {
                    (_symbols ??= new Dictionary<ISymbol, Taint>(SymbolEqualityComparer.Default))[entry.Key] = joined;
                    changed |= !joined.Equals(current) || stored is null;
                }
            }
        }

        // A field this state holds and the other does not still has its default there: what the compilation stores in it.
        if (_symbols is not null)
        {
            List<KeyValuePair<ISymbol, Taint>>? widened = null;
            foreach (KeyValuePair<ISymbol, Taint> entry in _symbols)
            {
                if (entry.Key is IFieldSymbol or IPropertySymbol && (other._symbols is null || !other._symbols.ContainsKey(entry.Key)))
                {
                    Taint joined = entry.Value.Union(defaultOf(entry.Key));
                    if (!joined.Equals(entry.Value))
                    {
                        (widened ??= new List<KeyValuePair<ISymbol, Taint>>()).Add(new KeyValuePair<ISymbol, Taint>(entry.Key, joined));
                    }
                }
            }

            if (widened is not null)
            {
                foreach (KeyValuePair<ISymbol, Taint> entry in widened)
                {
                    _symbols[entry.Key] = entry.Value;
                }

                changed = true;
            }
        }

        if (other._captures is not null)
        {
            foreach (KeyValuePair<CaptureId, Taint> entry in other._captures)
            {
                Taint current = Get(entry.Key);
                Taint joined = current.Union(entry.Value);
                if (!joined.Equals(current))
                {
                    (_captures ??= new Dictionary<CaptureId, Taint>())[entry.Key] = joined;
                    changed = true;
                }
            }
        }

        return changed;
    }
}

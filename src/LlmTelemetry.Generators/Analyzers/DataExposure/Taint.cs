using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>Where sensitive text comes from: described for the diagnostic message, located for its additional location.</summary>
internal sealed class TaintSource : IEquatable<TaintSource>
{
    public TaintSource(string description, Location location)
    {
        Description = description;
        Location = location;
    }

    /// <summary>A phrase that starts a sentence: "The completion text 'response.Text'".</summary>
    public string Description { get; }

    public Location Location { get; }

    public bool Equals(TaintSource? other) =>
        other is not null && Description == other.Description && Location.Equals(other.Location);

    public override bool Equals(object? obj) => Equals(obj as TaintSource);

    public override int GetHashCode() => Description.GetHashCode() ^ Location.GetHashCode();

    /// <summary>A total order, so that which sources a capped set keeps does not depend on analysis order.</summary>
    public static int Compare(TaintSource x, TaintSource y)
    {
        int byFile = string.CompareOrdinal(x.Location.SourceTree?.FilePath, y.Location.SourceTree?.FilePath);
        if (byFile != 0)
        {
            return byFile;
        }

        int byPosition = x.Location.SourceSpan.Start.CompareTo(y.Location.SourceSpan.Start);
        return byPosition != 0 ? byPosition : string.CompareOrdinal(x.Description, y.Description);
    }
}

/// <summary>
/// What a value may carry: sensitive sources, and (for method summaries) which parameters of the analyzed method flow
/// into it. Immutable; <see cref="None"/> is clean.
/// </summary>
internal sealed class Taint : IEquatable<Taint>
{
    // Two sources name the problem well enough; a cap keeps the lattice small and the fixpoint quick.
    private const int MaxSources = 2;

    public static readonly Taint None = new(ImmutableArray<TaintSource>.Empty, 0);

    private Taint(ImmutableArray<TaintSource> sources, ulong parameters)
    {
        Sources = sources;
        Parameters = parameters;
    }

    public ImmutableArray<TaintSource> Sources { get; }

    /// <summary>Bit <c>n</c>: the value may be (derived from) parameter <c>n</c> of the analyzed method.</summary>
    public ulong Parameters { get; }

    public bool IsNone => Sources.IsEmpty && Parameters == 0;

    public bool HasSources => !Sources.IsEmpty;

    public static Taint From(TaintSource source) => new(ImmutableArray.Create(source), 0);

    public static Taint FromParameter(int ordinal) => ordinal is >= 0 and < 64 ? new(ImmutableArray<TaintSource>.Empty, 1UL << ordinal) : None;

    public bool HasParameter(int ordinal) => ordinal is >= 0 and < 64 && (Parameters & (1UL << ordinal)) != 0;

    public Taint OnlyParameters() => Parameters == 0 ? None : new(ImmutableArray<TaintSource>.Empty, Parameters);

    public Taint WithoutParameters() => Parameters == 0 ? this : Sources.IsEmpty ? None : new(Sources, 0);

    public Taint Union(Taint other)
    {
        if (other.IsNone || ReferenceEquals(this, other))
        {
            return this;
        }

        if (IsNone)
        {
            return other;
        }

        ulong parameters = Parameters | other.Parameters;
        ImmutableArray<TaintSource> sources = Sources;
        bool changed = parameters != Parameters;
        foreach (TaintSource source in other.Sources)
        {
            if (!sources.Contains(source))
            {
                sources = sources.Add(source).Sort(TaintSource.Compare);
                if (sources.Length > MaxSources)
                {
                    sources = sources.RemoveAt(sources.Length - 1);
                }

                changed |= !sources.SequenceEqual(Sources);
            }
        }

        return changed ? new Taint(sources, parameters) : this;
    }

    public bool Equals(Taint? other) =>
        other is not null && Parameters == other.Parameters && Sources.SequenceEqual(other.Sources);

    public override bool Equals(object? obj) => Equals(obj as Taint);

    public override int GetHashCode() => Parameters.GetHashCode() ^ Sources.Length;
}

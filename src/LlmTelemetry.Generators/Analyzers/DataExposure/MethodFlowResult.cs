using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>Prompt or completion text reaching a sink: reported on the written value, naming where the text came from.</summary>
/// <param name="Sink">Where the text is written.</param>
/// <param name="ValueLocation">The written argument.</param>
/// <param name="LeafLocation">The part of the argument that carries the text (what a code fix wraps).</param>
/// <param name="Source">Where the text came from.</param>
internal sealed record Finding(Sink Sink, Location ValueLocation, Location LeafLocation, TaintSource Source);

/// <summary>
/// What analyzing one method found: its findings (reported when the method itself is analyzed) and its summary for
/// callers — what its return value carries, which parameters it writes to a sink, and what it stores in fields.
/// </summary>
internal sealed class MethodFlowResult
{
    /// <summary>A method whose body cannot be seen: callers assume its result carries its arguments.</summary>
    public static readonly MethodFlowResult Unknown = new(ImmutableArray<Finding>.Empty, Taint.None, ImmutableArray<ParameterSink>.Empty, ImmutableDictionary<ISymbol, Taint>.Empty, isKnown: false);

    public MethodFlowResult(ImmutableArray<Finding> findings, Taint returned, ImmutableArray<ParameterSink> parameterSinks, ImmutableDictionary<ISymbol, Taint> fieldWrites, bool isKnown = true)
    {
        Findings = findings;
        Returned = returned;
        ParameterSinks = parameterSinks;
        FieldWrites = fieldWrites;
        IsKnown = isKnown;
    }

    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Sources the return value may carry, and (as parameter bits) which parameters flow into it.</summary>
    public Taint Returned { get; }

    /// <summary>Parameters the method writes to a sink without redacting them: it is a logging wrapper for them.</summary>
    public ImmutableArray<ParameterSink> ParameterSinks { get; }

    /// <summary>The sources the method stores in fields and auto-properties of its type.</summary>
    public ImmutableDictionary<ISymbol, Taint> FieldWrites { get; }

    public bool IsKnown { get; }
}

/// <summary>A parameter a method writes to <see cref="Sink"/>.</summary>
internal sealed record ParameterSink(int Ordinal, Sink Sink);

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LlmTelemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Forward may-taint analysis of one method body over its control-flow graph: which locals, captures and fields may
/// hold prompt or completion text at each point, and which sinks that text reaches.
/// </summary>
/// <remarks>
/// Assignments to locals replace what they held (an overwritten local is clean again); appending to a builder or a
/// collection adds to it. Calls into this compilation use the callee's summary; calls into libraries pass their
/// receiver's and arguments' taint to a text-bearing result. Values of types that cannot carry text (numbers, flags,
/// enums, ids, times, token usage) are clean, which is how <c>.Length</c> and token counts drop taint.
/// </remarks>
internal sealed partial class MethodFlowAnalysis
{
    private readonly DataExposureContext _context;
    private readonly DataExposureCatalog _catalog;
    private readonly DataExposureOptions _options;
    private readonly ISymbol _owner;
    private readonly int _depth;
    private readonly CancellationToken _cancellationToken;
    private readonly System.Func<ISymbol, Taint> _defaultOf;
    private readonly Dictionary<ISymbol, TaintSource> _sent = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IOperation, Taint> _taintOf = new(OperationIdentityComparer.Instance);
    private readonly Dictionary<(SinkKind, Location), Finding> _findings = new();
    private readonly HashSet<ParameterSink> _parameterSinks = new();
    private readonly Dictionary<ISymbol, Taint> _fieldWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<CaptureId, IOperation> _captureAliases = new();
    private readonly HashSet<IMethodSymbol> _activeLocalFunctions = new(SymbolEqualityComparer.Default);
    private readonly Stack<Taint> _conditionalAccessReceivers = new(); // what 'a' carries while 'a?.B' reads B
    private readonly Stack<Taint> _initializedObjects = new(); // what an object initializer has put in the new object so far
    private readonly Stack<Taint> _patternInputs = new(); // what the value a property subpattern reads a member of carries
    private FlowState _state = new();
    private int _nesting; // how deeply the walk has recursed (AnalysisBounds.MaxNesting)
    private int _evaluations; // how many operations it has evaluated (AnalysisBounds.MaxEvaluations)
    private ControlFlowGraph _graph = null!;
    private Taint _returned = Taint.None;
    private ulong _parametersReportedHere; // bit n: parameter n is a source by itself, reported in this method's own analysis

    public MethodFlowAnalysis(DataExposureContext context, DataExposureOptions options, ISymbol owner, int depth, CancellationToken cancellationToken)
    {
        _context = context;
        _catalog = context.Catalog;
        _options = options;
        _owner = owner;
        _depth = depth;
        _cancellationToken = cancellationToken;
        _defaultOf = DefaultOf; // made once: every read of a variable asks for it
    }

    /// <summary>How many operations this analysis has evaluated so far.</summary>
    public int Evaluations => _evaluations;

    /// <summary>
    /// Analyzes <paramref name="body"/> over <paramref name="graph"/>, or in order when there is none (<see cref="BodyScan.CanWalkInOrder"/>);
    /// <paramref name="scan"/> is the body's scan.
    /// </summary>
    public MethodFlowResult Run(IOperation body, ControlFlowGraph? graph, BodyScan scan)
    {
        FindSentValues(scan);
        var entry = new FlowState();
        if (_owner is IMethodSymbol method)
        {
            IMethodSymbol? operation = _context.Implementations?.OperationOf(method);
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                // Which parameter a value comes from matters only to a summary's callers.
                Taint taint = (_depth > 0 ? Taint.FromParameter(parameter.Ordinal) : Taint.None).Union(ParameterSource(parameter, operation));
                entry.Set(parameter, taint);
                if (parameter.Ordinal < 64 && IsSourceByItself(parameter, operation))
                {
                    _parametersReportedHere |= 1UL << parameter.Ordinal;
                }
            }
        }

        _returned = graph is null ? RunInOrder(body, entry) : RunGraph(graph, entry);
        // Most methods find nothing, write no parameter to a sink and store nothing: their results share the empty collections.
        ImmutableArray<Finding> findings = _findings.Count == 0 ? ImmutableArray<Finding>.Empty : _findings.Values.OrderBy(static f => f.ValueLocation.SourceSpan.Start).ToImmutableArray();
        ImmutableArray<ParameterSink> parameterSinks = _parameterSinks.Count == 0 ? ImmutableArray<ParameterSink>.Empty : _parameterSinks.ToImmutableArray();
        ImmutableDictionary<ISymbol, Taint> fieldWrites = _fieldWrites.Count == 0 ? ImmutableDictionary<ISymbol, Taint>.Empty : _fieldWrites.ToImmutableDictionary(SymbolEqualityComparer.Default);
        return new MethodFlowResult(findings, _returned, parameterSinks, fieldWrites);
    }

    /// <summary>Runs <paramref name="graph"/> from <paramref name="entry"/> to a fixpoint; returns what it returns.</summary>
    private Taint RunGraph(ControlFlowGraph graph, FlowState entry)
    {
        ControlFlowGraph outerGraph = _graph;
        Taint outerReturned = _returned;
        _graph = graph;
        _returned = Taint.None;

        ImmutableArray<BasicBlock> blocks = graph.Blocks;
        var inputs = new FlowState?[blocks.Length];
        inputs[0] = entry;
        var pending = new Queue<int>();
        var queued = new bool[blocks.Length];
        pending.Enqueue(0);
        queued[0] = true;
        int budget = blocks.Length * 8 + 32;
        while (budget-- > 0)
        {
            if (pending.Count == 0 && !EnterHandlers(blocks, inputs, pending, queued))
            {
                break;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            int ordinal = pending.Dequeue();
            queued[ordinal] = false;
            BasicBlock block = blocks[ordinal];
            _state = inputs[ordinal]!.Clone();
            foreach (IOperation operation in block.Operations)
            {
                Evaluate(operation);
            }

            if (block.BranchValue is { } branchValue)
            {
                Taint value = Evaluate(branchValue);
                if (block.ConditionKind == ControlFlowConditionKind.None && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    _returned = _returned.Union(value);
                }
            }

            Flow(block.FallThroughSuccessor, inputs, pending, queued, handOver: block.ConditionalSuccessor?.Destination is null);
            Flow(block.ConditionalSuccessor, inputs, pending, queued, handOver: true);
        }

        FlowState exit = inputs[blocks.Length - 1] ?? _state;
        Taint returned = _returned;
        _graph = outerGraph;
        _returned = outerReturned;
        _state = exit;
        return returned;
    }

    // The block's own state is handed to the last successor it flows to rather than copied: nothing reads it after.
    private void Flow(ControlFlowBranch? branch, FlowState?[] inputs, Queue<int> pending, bool[] queued, bool handOver)
    {
        if (branch?.Destination is not { } destination)
        {
            return;
        }

        int target = destination.Ordinal;
        bool changed;
        if (inputs[target] is { } existing)
        {
            changed = existing.JoinFrom(_state, _defaultOf);
        }
        else
        {
            inputs[target] = handOver ? _state : _state.Clone();
            changed = true;
        }

        if (changed && !queued[target])
        {
            queued[target] = true;
            pending.Enqueue(target);
        }
    }

    // Catch and finally blocks have no explicit predecessors: they start from everything the method has seen.
    private bool EnterHandlers(ImmutableArray<BasicBlock> blocks, FlowState?[] inputs, Queue<int> pending, bool[] queued)
    {
        bool entered = false;
        for (int i = 1; i < blocks.Length; i++)
        {
            if (inputs[i] is null && blocks[i].Predecessors.IsEmpty && blocks[i].Kind == BasicBlockKind.Block)
            {
                var joined = new FlowState();
                foreach (FlowState? input in inputs)
                {
                    if (input is not null)
                    {
                        joined.JoinFrom(input, _defaultOf);
                    }
                }

                inputs[i] = joined;
                queued[i] = true;
                pending.Enqueue(i);
                entered = true;
            }
        }

        return entered;
    }

    private Taint DefaultOf(ISymbol symbol) =>
        symbol is IFieldSymbol or IPropertySymbol ? _context.FieldTaint(symbol, _depth + 1, _cancellationToken) : Taint.None;

    // What the method's own analysis (depth 0) starts as a source whatever it is handed.
    private bool IsSourceByItself(IParameterSymbol parameter, IMethodSymbol? operation) =>
        _sent.ContainsKey(parameter) || _catalog.IsPromptParameter(parameter, operation) || _catalog.ClassificationOf(parameter) is not null
        || _catalog.IsContentType(parameter.Type);

    private Taint ParameterSource(IParameterSymbol parameter, IMethodSymbol? operation)
    {
        Location location = parameter.Locations.FirstOrDefault() ?? Location.None;
        if (_sent.TryGetValue(parameter, out TaintSource? sent))
        {
            return Taint.From(sent);
        }

        if (_catalog.IsPromptParameter(parameter, operation))
        {
            return Taint.From(new TaintSource($"The prompt parameter '{parameter.Name}'", location));
        }

        if (_catalog.ClassificationOf(parameter) is { } classification)
        {
            return Taint.From(new TaintSource($"The classified parameter '{parameter.Name}' ([{ShortAttributeName(classification)}])", location));
        }

        // In a summary the caller's argument says what a chat-typed parameter holds; analyzed for itself, the method
        // is handed content.
        return _depth == 0 ? ChatContentParameter(parameter) : Taint.None;
    }

    private static string ShortAttributeName(AttributeData attribute) =>
        attribute.AttributeClass is { } type ? SymbolFormatting.AttributeName(type) : "DataClassification";

    private Taint ChatContentParameter(IParameterSymbol parameter) =>
        _catalog.IsContentType(parameter.Type)
            ? Taint.From(new TaintSource($"The chat content parameter '{parameter.Name}'", parameter.Locations.FirstOrDefault() ?? Location.None))
            : Taint.None;

    private void Report(Taint taint, Sink sink, IOperation value)
    {
        for (int ordinal = 0; ordinal < 64 && (taint.Parameters >> ordinal) != 0; ordinal++)
        {
            // A parameter that is a source by itself is reported where the method is analyzed for itself, not again at
            // every call that hands it something.
            if (taint.HasParameter(ordinal) && (_parametersReportedHere & (1UL << ordinal)) == 0)
            {
                _parameterSinks.Add(new ParameterSink(ordinal, sink));
            }
        }

        if (!taint.HasSources)
        {
            return;
        }

        Location location = value.Syntax.GetLocation();
        if (!_findings.ContainsKey((sink.Kind, location)))
        {
            IOperation leaf = Leaf(value);
            _findings[(sink.Kind, location)] = new Finding(sink, location, leaf.Syntax.GetLocation(), SourceToName(leaf, taint));
        }
    }

    // The message names the value that reaches the sink: a variable sent to the model is "the prompt 'prompt'", not one of
    // the pieces it was built from; otherwise the source read at that very place, otherwise the first.
    private TaintSource SourceToName(IOperation leaf, Taint taint)
    {
        IOperation value = leaf;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        ISymbol? variable = value switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (variable is not null && _sent.TryGetValue(variable, out TaintSource? sent))
        {
            return sent;
        }

        Microsoft.CodeAnalysis.Text.TextSpan span = value.Syntax.Span;
        foreach (TaintSource source in taint.Sources)
        {
            if (source.Location.SourceTree == value.Syntax.SyntaxTree && span.Contains(source.Location.SourceSpan))
            {
                return source;
            }
        }

        return taint.Sources[0];
    }

    // The innermost part of a written value that carries the text: what a code fix wraps or replaces.
    private IOperation Leaf(IOperation value)
    {
        IOperation current = value;
        while (IsTransparent(current))
        {
            IOperation? next = current.ChildOperations.FirstOrDefault(c => _taintOf.TryGetValue(c, out Taint? t) && t.HasSources);
            if (next is null)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private static bool IsTransparent(IOperation operation) => operation switch
    {
        IConversionOperation or IInterpolatedStringOperation or IInterpolationOperation or IBinaryOperation or IArgumentOperation
            or IArrayCreationOperation or IArrayInitializerOperation or IParenthesizedOperation => true,
        IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } => true,
        _ => false,
    };
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// One compilation's data-exposure analysis: the catalog, the <c>.editorconfig</c> settings per tree, and summaries of
/// the compilation's own methods and fields, computed on demand and cached.
/// </summary>
/// <remarks>
/// Summaries are keyed by depth: analyzing a method at depth <c>d</c> consults its callees and field writers at depth
/// <c>d + 1</c>, and at <see cref="MaxDepth"/> assumes instead. Depth only grows, so there are no cycles, and every
/// result is the same whichever thread or order computes it first.
/// </remarks>
internal sealed class DataExposureContext
{
    public const int MaxDepth = 3;

    private readonly Compilation _compilation;
    private readonly AnalyzerConfigOptionsProvider? _optionsProvider;
    private readonly ConcurrentDictionary<SyntaxTree, DataExposureOptions> _optionsByTree = new();
    private readonly CancellationSafeCache<(ISymbol Method, int Depth), MethodFlowResult> _summaries = new(SymbolDepthComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, bool> _storage = new(SymbolEqualityComparer.Default);
    private readonly CancellationSafeCache<(ISymbol Field, int Depth), Taint> _fields = new(SymbolDepthComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, IOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(ISymbol Method, int Depth), bool> _mayWriteToSink = new(SymbolDepthComparer.Instance);
    private readonly ConcurrentDictionary<ISymbol, bool> _returnsNoText = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, bool> _isStorageUncached;
    private long _evaluations;
    private readonly Func<(ISymbol Method, int Depth), CancellationToken, MethodFlowResult> _compute;
    private readonly Func<(ISymbol Field, int Depth), CancellationToken, Taint> _computeFieldTaint;

    /// <param name="optionsProvider">The <c>.editorconfig</c> settings; <see langword="null"/> when there are none (the defaults apply).</param>
    public DataExposureContext(Compilation compilation, DataExposureCatalog catalog, ImplementationMethods? implementations, AnalyzerConfigOptionsProvider? optionsProvider)
    {
        _compilation = compilation;
        Catalog = catalog;
        Implementations = implementations;
        _optionsProvider = optionsProvider;
        _isStorageUncached = IsStorageUncached; // made once: IsStorage runs for every member read
        _compute = (key, cancellationToken) => Compute((IMethodSymbol)key.Method, key.Depth, cancellationToken);
        _computeFieldTaint = (key, cancellationToken) => ComputeFieldTaint(key.Field, key.Depth, cancellationToken);
    }

    public DataExposureCatalog Catalog { get; }

    /// <summary>How many operations the flow analyses of this compilation have evaluated: the work done, for tests of the bounds.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Maps <c>[LlmOperation]</c> implementation methods to their operation (whose <c>[Prompt]</c> marks apply).</summary>
    public ImplementationMethods? Implementations { get; }

    public DataExposureOptions OptionsFor(SyntaxTree tree) =>
        _optionsProvider is null ? DataExposureOptions.Empty : _optionsByTree.GetOrAdd(tree, t => DataExposureOptions.Read(_optionsProvider.GetOptions(t)));

    /// <summary>Whether <paramref name="symbol"/> is declared in this compilation's source.</summary>
    public bool IsInSource(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _compilation.Assembly) && !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// A field or auto-property of this compilation that can hold text: its value is tracked across methods. (A logger
    /// or a client held in a field is not: following it would cost much and find nothing.)
    /// </summary>
    public bool IsStorage(ISymbol member) => _storage.GetOrAdd(member.OriginalDefinition, _isStorageUncached);

    private bool IsStorageUncached(ISymbol member) => member switch
    {
        IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field => IsInSource(field) && Catalog.CanCarryText(field.Type, _compilation.Assembly),
        IPropertySymbol property => IsInSource(property) && Catalog.CanCarryText(property.Type, _compilation.Assembly)
            && property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property)),
        _ => false,
    };

    /// <summary>The symbol whose body a method's summaries read: the unconstructed method, a partial method's implementation.</summary>
    public static IMethodSymbol DefinitionOf(IMethodSymbol method) => method.OriginalDefinition.PartialImplementationPart ?? method.OriginalDefinition;

    /// <summary>The summary of <paramref name="method"/>'s body at <paramref name="depth"/>.</summary>
    public MethodFlowResult Summarize(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        IMethodSymbol definition = DefinitionOf(method);
        if (depth > MaxDepth || !IsInSource(definition))
        {
            return MethodFlowResult.Unknown;
        }

        return _summaries.GetOrCompute((definition, depth), _compute, cancellationToken);
    }

    /// <summary>The sources any method of its type stores in <paramref name="member"/> (a field or auto-property).</summary>
    public Taint FieldTaint(ISymbol member, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return Taint.None;
        }

        return _fields.GetOrCompute((member.OriginalDefinition, depth), _computeFieldTaint, cancellationToken);
    }

    /// <summary>
    /// Analyzes one body (a method, accessor or constructor) whose operation tree is at hand, over its control-flow
    /// graph, or in order when <paramref name="graph"/> is <see langword="null"/> (<see cref="BodyScan.CanWalkInOrder"/>).
    /// <paramref name="scan"/> is the body's scan, when the caller has made it.
    /// </summary>
    /// <remarks>A body past the <see cref="AnalysisBounds"/> is <see cref="MethodFlowResult.Unknown"/>: no findings, and a summary that assumes.</remarks>
    public MethodFlowResult Analyze(ISymbol owner, IOperation body, ControlFlowGraph? graph, int depth, CancellationToken cancellationToken, BodyScan? scan = null)
    {
        DataExposureOptions options = OptionsFor(body.Syntax.SyntaxTree);
        if (options.IsExcluded(owner))
        {
            return MethodFlowResult.Unknown;
        }

        var analysis = new MethodFlowAnalysis(this, options, owner, depth, cancellationToken);
        try
        {
            return analysis.Run(body, graph, scan ?? BodyScan.Of(body));
        }
        catch (AnalysisBoundExceededException)
        {
            return MethodFlowResult.Unknown;
        }
        finally
        {
            Interlocked.Add(ref _evaluations, analysis.Evaluations);
        }
    }

    private MethodFlowResult Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        IOperation? body = BodyOf(method, cancellationToken);
        BodyScan? scan = body is null ? null : BodyScan.Of(body);
        if (scan is { CanWalkInOrder: true })
        {
            return Analyze(method, body!, graph: null, depth, cancellationToken, scan);
        }

        ControlFlowGraph? graph = body is null ? null : GraphOf(body, cancellationToken);
        return graph is null ? MethodFlowResult.Unknown : Analyze(method, body!, graph, depth, cancellationToken, scan);
    }

    /// <summary>
    /// The control-flow graph of a body bound outside an analyzer's callback (whose context would give it): a method's or
    /// a constructor's body, or a block without a parent; <see langword="null"/> for anything else.
    /// </summary>
    public static ControlFlowGraph? GraphOf(IOperation body, CancellationToken cancellationToken) => body switch
    {
        IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody, cancellationToken),
        IConstructorBodyOperation constructorBody => ControlFlowGraph.Create(constructorBody, cancellationToken),
        IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
        _ => null,
    };

    /// <summary>The operation tree of a body of this compilation (a method, accessor or constructor), bound once.</summary>
    public IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        IMethodSymbol definition = DefinitionOf(method);
        return _bodies.GetOrAdd(definition, m =>
        {
            foreach (SyntaxReference reference in m.DeclaringSyntaxReferences)
            {
                SyntaxNode declaration = reference.GetSyntax(cancellationToken);
                if (declaration is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax))
                {
                    continue;
                }

#pragma warning disable RS1030 // A summary needs the callee's operations; the semantic model of another tree is the only way to them.
                SemanticModel model = _compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetOperation(declaration, cancellationToken) is { } body and (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null }))
                {
                    return body;
                }
            }

            return null;
        });
    }

    /// <summary>
    /// Whether a method of this compilation may write anything to a sink, directly or through the methods it calls: a
    /// walk of its operations, without the flow analysis. One that cannot has no parameter it writes to a sink.
    /// </summary>
    public bool MayWriteToSink(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        IMethodSymbol definition = DefinitionOf(method);
        if (depth > MaxDepth)
        {
            return true;
        }

        return _mayWriteToSink.GetOrAdd((definition, depth), key =>
        {
            var callee = (IMethodSymbol)key.Method;
            if (BodyOf(callee, cancellationToken) is not { } body)
            {
                return true;
            }

            return ContainsWrite(body, OptionsFor(body.Syntax.SyntaxTree), key.Depth, cancellationToken);
        });
    }

    // Whether anything under 'body' is a sink, an exception, or a call of a method of this compilation that may write to
    // one. (A loop over a stack: operation trees can be as deep as a 10,000-term concatenation.)
    private bool ContainsWrite(IOperation body, DataExposureOptions options, int depth, CancellationToken cancellationToken)
    {
        var pending = WalkStacks<IOperation>.Rent();
        try
        {
            pending.Push(body);
            while (pending.Count > 0)
            {
                foreach (IOperation child in pending.Pop().ChildOperations)
                {
                    bool writes = child switch
                    {
                        IInvocationOperation invocation => Catalog.ClassifySink(invocation.TargetMethod, invocation.Instance, options, cancellationToken, out _) is not null
                            || (invocation.TargetMethod.MethodKind != MethodKind.LocalFunction && IsInSource(invocation.TargetMethod) && MayWriteToSink(invocation.TargetMethod, depth + 1, cancellationToken)),
                        IObjectCreationOperation creation => Catalog.IsExceptionType(creation.Type),
                        IPropertyReferenceOperation property => Catalog.ClassifySinkProperty(property.Property) is not null,
                        _ => false,
                    };
                    if (writes)
                    {
                        return true;
                    }

                    pending.Push(child);
                }
            }

            return false;
        }
        finally
        {
            WalkStacks<IOperation>.Return(pending);
        }
    }

    /// <summary>
    /// Whether a call of a method of this compilation can be read without its summary, as yielding nothing and writing
    /// nowhere: nothing it returns can hold text (<see cref="ExposureCandidates.ReturnsNoText"/>) and nothing in it,
    /// or in what it calls, writes to a sink. A helper formatting a model id and a message count is such a method.
    /// </summary>
    public bool IsInert(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        IMethodSymbol definition = DefinitionOf(method);
        if (MayWriteToSink(definition, depth, cancellationToken))
        {
            return false;
        }

        // Looked up before computing: this runs for every call of a helper, and a factory closure would be made each time.
        return _returnsNoText.TryGetValue(definition, out bool known) ? known : _returnsNoText.GetOrAdd(definition, ReturnsNoText(definition, cancellationToken));
    }

    private bool ReturnsNoText(IMethodSymbol method, CancellationToken cancellationToken) =>
        BodyOf(method, cancellationToken) is { } body
        && OptionsFor(body.Syntax.SyntaxTree) is var options
        && !options.IsExcluded(method) // an excluded method is not analyzed: a call of it passes on what it is given
        && new ExposureCandidates(this, options).ReturnsNoText(method, cancellationToken);

    /// <summary>
    /// The values a method of this compilation returns, read from its body (not from a nested lambda or local function);
    /// <see langword="null"/> for an iterator or a method whose body cannot be seen.
    /// </summary>
    public ImmutableArray<IOperation>? ReturnedValues(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (BodyOf(method, cancellationToken) is not { } body)
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        return CollectReturnedValues(body, values) ? values.ToImmutable() : null;
    }

    // A loop over a stack, not recursion: operation trees can be as deep as a 10,000-term concatenation.
    private static bool CollectReturnedValues(IOperation body, ImmutableArray<IOperation>.Builder values)
    {
        var pending = WalkStacks<IOperation>.Rent();
        try
        {
            pending.Push(body);
            while (pending.Count > 0)
            {
                foreach (IOperation child in pending.Pop().ChildOperations)
                {
                    switch (child)
                    {
                        case IAnonymousFunctionOperation or ILocalFunctionOperation:
                            continue; // their returns are not the method's
                        case IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }:
                        case IReturnOperation { ReturnedValue: null }:
                            return false; // an iterator, or no value to read
                        case IReturnOperation { ReturnedValue: { } value }:
                            values.Add(value);
                            break;
                    }

                    pending.Push(child);
                }
            }

            return true;
        }
        finally
        {
            WalkStacks<IOperation>.Return(pending);
        }
    }

    private Taint ComputeFieldTaint(ISymbol member, int depth, CancellationToken cancellationToken)
    {
        // Only the declaring type's members are read: a private field is written nowhere else, and a wider one
        // written from outside is outside this analysis' bounds.
        Taint taint = Taint.None;
        foreach (SyntaxReference typeReference in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (typeReference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax type)
            {
                continue;
            }

            foreach (MemberDeclarationSyntax declaration in type.Members)
            {
                if (declaration is BaseTypeDeclarationSyntax || !Mentions(declaration, member.Name))
                {
                    continue;
                }

#pragma warning disable RS1030 // See Compute.
                SemanticModel model = _compilation.GetSemanticModel(typeReference.SyntaxTree);
#pragma warning restore RS1030
                foreach (IMethodSymbol writer in DeclaredMethods(model, declaration, cancellationToken))
                {
                    if (Summarize(writer, depth, cancellationToken).FieldWrites.TryGetValue(member, out Taint? written))
                    {
                        taint = taint.Union(written);
                    }
                }
            }
        }

        return taint;
    }

    private static bool Mentions(SyntaxNode node, string name) =>
        node.DescendantTokens().Any(t => t.ValueText == name && t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken));

    private static ImmutableArray<IMethodSymbol> DeclaredMethods(SemanticModel model, MemberDeclarationSyntax declaration, CancellationToken cancellationToken) => declaration switch
    {
        BaseMethodDeclarationSyntax method => model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol ? ImmutableArray.Create(symbol) : ImmutableArray<IMethodSymbol>.Empty,
        BasePropertyDeclarationSyntax property => model.GetDeclaredSymbol(property, cancellationToken) switch
        {
            IPropertySymbol p => new[] { p.GetMethod, p.SetMethod }.Where(static m => m is not null).ToImmutableArray()!,
            IEventSymbol e => new[] { e.AddMethod, e.RemoveMethod }.Where(static m => m is not null).ToImmutableArray()!,
            _ => ImmutableArray<IMethodSymbol>.Empty,
        },
        _ => ImmutableArray<IMethodSymbol>.Empty,
    };

    private sealed class SymbolDepthComparer : System.Collections.Generic.IEqualityComparer<(ISymbol, int)>
    {
        public static readonly SymbolDepthComparer Instance = new();

        public bool Equals((ISymbol, int) x, (ISymbol, int) y) => x.Item2 == y.Item2 && SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1);

        public int GetHashCode((ISymbol, int) obj) => SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 31 + obj.Item2;
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The cheap pre-check that keeps the flow analysis to the few methods that need it: one walk of the operation tree
/// looking for somewhere text can be written (a sink, an exception, a logging wrapper of this compilation) that is
/// handed a value able to hold text, and somewhere text can come from. Model-calling code mostly logs lengths, token
/// counts and durations: a method whose sinks only receive numbers and constants cannot expose anything.
/// </summary>
internal sealed class ExposureCandidates(DataExposureContext exposure, DataExposureOptions options)
{
    private static readonly System.Func<IParameterSymbol, bool> s_isStringParameter = static parameter => parameter.Type.SpecialType == SpecialType.System_String;

    private readonly DataExposureCatalog _catalog = exposure.Catalog;

    // The body's scan: what can be a sink and where each string variable is used (walking an operation tree is most of
    // what the pre-check costs, so the checks read these lists). None when a helper's returns are read (ReturnsNoText).
    private BodyScan? _scan;

    // What each string variable handed to a sink was found able to hold.
    private readonly Dictionary<ISymbol, bool> _variables = new(SymbolEqualityComparer.Default);
    private ISymbol? _owner;
    private int _nesting; // how deeply CanHoldText has recursed (AnalysisBounds.MaxNesting)
    private CancellationToken _cancellationToken;

    // Off when a flow summary asks (ReturnsNoText): a summary consults deeper summaries only, never those of depth 1.
    private bool _summarizes = true;

    // The helpers whose returned values are being read, so that a recursive one is not read for ever; the analyzed method
    // is among them from the start, because its parameters are judged by what it is given, not by what a call passes.
    private readonly HashSet<ISymbol> _readingReturns = new(SymbolEqualityComparer.Default);

    /// <summary>Whether <paramref name="body"/>, scanned as <paramref name="scan"/>, needs the flow analysis. One instance checks one body.</summary>
    /// <remarks>A body past the <see cref="AnalysisBounds"/> is given up on: it does not need the analysis, which would give up too.</remarks>
    public bool Contains(IOperation body, BodyScan scan, ISymbol owner, CancellationToken cancellationToken)
    {
        try
        {
            return ContainsCore(body, scan, owner, cancellationToken);
        }
        catch (AnalysisBoundExceededException)
        {
            return false;
        }
    }

    private bool ContainsCore(IOperation body, BodyScan scan, ISymbol owner, CancellationToken cancellationToken)
    {
        _scan = scan;
        _owner = owner;
        _cancellationToken = cancellationToken;
        _readingReturns.Add(Definition(owner));

        // Sinks first: they are rarer than sources, and most methods have none that can be handed text.
        if (!AnySink(scan, cancellationToken))
        {
            return false;
        }

        if (owner is IMethodSymbol method)
        {
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (IsSourceParameter(parameter))
                {
                    return true;
                }
            }
        }

        return ContainsSource(body);
    }

    /// <summary>
    /// Whether no value <paramref name="method"/> (of this compilation) returns can hold text, read from its body as
    /// the pre-check reads a helper: its parameters, locals and fields count as able to hold text, and no summary is
    /// consulted. Then a call of it yields nothing, whatever it is handed.
    /// </summary>
    public bool ReturnsNoText(IMethodSymbol method, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _summarizes = false;
        _readingReturns.Add(Definition(method));
        try
        {
            return exposure.ReturnedValues(method, cancellationToken) is { } returned && !AnyCanHoldText(returned);
        }
        catch (AnalysisBoundExceededException)
        {
            return false;
        }
    }

    // Loops rather than LINQ here and below: the pre-check runs for every body of the compilation.
    private bool AnySink(BodyScan scan, CancellationToken cancellationToken)
    {
        foreach (IOperation candidate in scan.SinkCandidates)
        {
            if (IsSink(candidate, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    // A loop over a stack, not recursion: operation trees can be as deep as a 10,000-term concatenation.
    private bool ContainsSource(IOperation body)
    {
        var pending = WalkStacks<IOperation>.Rent();
        try
        {
            pending.Push(body);
            while (pending.Count > 0)
            {
                foreach (IOperation child in pending.Pop().ChildOperations)
                {
                    if (IsSource(child))
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

    private bool AnyCanHoldText(ImmutableArray<IOperation> values)
    {
        foreach (IOperation value in values)
        {
            if (CanHoldText(value))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyInterpolationCanHoldText(IInterpolatedStringOperation interpolated)
    {
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            if (part is IInterpolationOperation interpolation && CanHoldText(interpolation.Expression))
            {
                return true;
            }
        }

        return false;
    }

    // Whether an argument of one of the parameters 'isSinkArgument' picks can hold text.
    private bool AnyArgumentCanHoldText(ImmutableArray<IArgumentOperation> arguments, System.Func<IParameterSymbol, bool> isSinkArgument)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { } parameter && isSinkArgument(parameter) && CanHoldText(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSourceParameter(IParameterSymbol parameter) =>
        _catalog.HasPromptAttribute(parameter) || _catalog.IsClassified(parameter) || _catalog.IsContentType(parameter.Type);

    private bool IsSink(IOperation operation, CancellationToken cancellationToken) => operation switch
    {
        _ when operation.Kind is not (OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.PropertyReference) => false,
        IInvocationOperation invocation => IsSinkCall(invocation, cancellationToken),
        IObjectCreationOperation creation => _catalog.IsExceptionType(creation.Type) && AnyArgumentCanHoldText(creation.Arguments, s_isStringParameter),
        IPropertyReferenceOperation property => _catalog.ClassifySinkProperty(property.Property) is not null,
        _ => false,
    };

    // A sink, or a wrapper of this compilation that hands a parameter to one, given a value that can hold text.
    private bool IsSinkCall(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (_catalog.ClassifySink(method, invocation.Instance, options, cancellationToken, out System.Func<IParameterSymbol, bool> isSinkArgument) is not null)
        {
            return AnyArgumentCanHoldText(invocation.Arguments, isSinkArgument);
        }

        if (!exposure.IsInSource(method) || method.MethodKind == MethodKind.LocalFunction)
        {
            return false;
        }

        if (!exposure.MayWriteToSink(method, 1, cancellationToken))
        {
            return false; // nothing in it, or in what it calls, writes anywhere: it is no logging wrapper
        }

        ImmutableArray<ParameterSink> sinks = exposure.Summarize(method, 1, cancellationToken).ParameterSinks;
        return !sinks.IsEmpty && AnyArgumentCanHoldText(invocation.Arguments, parameter => sinks.Any(sink => sink.Ordinal == parameter.Ordinal));
    }

    // The flow analysis gives no taint to a value of a scalar type, to what a redactor returns, or to a chat type's
    // ids, roles and other non-text members, so a constant, a number, a redacted value, a response's model id, a params
    // array, an interpolation or a concatenation made only of those, what a method of this compilation returns when its
    // summary says the result carries none of that, or a boxing of one, never reaches a sink as text: code that logs only
    // those (as careful code and the code fix do) needs no flow analysis.
    private bool CanHoldText(IOperation value)
    {
        AnalysisBounds.EnterNested(ref _nesting);
        try
        {
            return CanHoldTextCore(value);
        }
        finally
        {
            _nesting--;
        }
    }

    private bool CanHoldTextCore(IOperation value) => value switch
    {
        { ConstantValue.HasValue: true } => false,
        _ when _catalog.IsScalar(value.Type) => false,
        IInvocationOperation invocation when _catalog.IsSanitizer(invocation.TargetMethod, options) => false,
        IInvocationOperation invocation => SourceMethodResultCanHoldText(invocation),
        IBinaryOperation { OperatorMethod: null } binary => ChainCanHoldText(binary),
        IPropertyReferenceOperation { Instance.Type: { } receiverType, Property: var property } when _catalog.IsClientLibraryType(receiverType)
            => _catalog.CarriesText(property),
        IConversionOperation { OperatorMethod: null } conversion => CanHoldText(conversion.Operand),
        ICoalesceOperation coalesce => CanHoldText(coalesce.Value) || CanHoldText(coalesce.WhenNull),
        IConditionalOperation { WhenFalse: { } whenFalse } conditional => CanHoldText(conditional.WhenTrue) || CanHoldText(whenFalse),
        ILocalReferenceOperation { Local: var local } => VariableCanHoldText(local),
        IParameterReferenceOperation { Parameter: var parameter } => VariableCanHoldText(parameter),
        IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer } => AnyCanHoldText(initializer.ElementValues),
        IInterpolatedStringOperation interpolated => AnyInterpolationCanHoldText(interpolated),
        _ => true,
    };

    // 'a + b + c + …' nests to the left as deep as it is long: its left spine is read in a loop.
    private bool ChainCanHoldText(IBinaryOperation binary)
    {
        IOperation current = binary;
        while (current is IBinaryOperation { OperatorMethod: null } link && !link.ConstantValue.HasValue && !_catalog.IsScalar(link.Type))
        {
            if (CanHoldText(link.RightOperand))
            {
                return true;
            }

            current = link.LeftOperand;
        }

        return CanHoldText(current);
    }

    // A method of this compilation returns text only as its summary says (MethodFlowAnalysis.ApplySummary): from the
    // sources it reads, or from the arguments it passes on. A helper that formats a response's model id and message count
    // returns neither. Whatever the flow analysis would not read through a summary may carry text.
    private bool SourceMethodResultCanHoldText(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction
            || !exposure.IsInSource(method)
            || options.IsExcluded(method)
            || ReturnsSourceText(method)
            || (invocation.Instance?.Type is { } receiverType && _catalog.IsClientLibraryType(receiverType))
            || _catalog.ClassifySink(method, invocation.Instance, options, _cancellationToken, out _) is not null)
        {
            return true;
        }

        // Most helpers show it in what they return (a model id, a count), without the flow analysis. The look is
        // conservative: the helper's parameters, locals and fields count as able to hold text.
        ISymbol definition = Definition(method);
        if (!_readingReturns.Add(definition))
        {
            return true; // a recursive call: left to the flow analysis
        }

        try
        {
            if (exposure.ReturnedValues(method, _cancellationToken) is { } returned && !AnyCanHoldText(returned))
            {
                return false;
            }
        }
        finally
        {
            _readingReturns.Remove(definition);
        }

        if (!_summarizes)
        {
            return true;
        }

        MethodFlowResult summary = exposure.Summarize(method, 1, _cancellationToken);
        if (!summary.IsKnown || summary.Returned.HasSources)
        {
            return true;
        }

        return AnyArgumentCanHoldText(invocation.Arguments, parameter => summary.Returned.HasParameter(parameter.Ordinal));
    }

    // A call whose result the flow analysis starts as a source: a model call, an [LlmOperation], a listed source, or a
    // method whose return value is marked [Prompt].
    private bool ReturnsSourceText(IMethodSymbol method) =>
        _catalog.IsTextModelCall(method, options)
        || _catalog.IsLlmOperation(method)
        || options.IsListedSource(method)
        || _catalog.ReturnsPrompt(method);

    private static ISymbol Definition(ISymbol symbol) =>
        symbol is IMethodSymbol method ? DataExposureContext.DefinitionOf(method) : symbol.OriginalDefinition;

    // A string local or parameter of the analyzed method holds source text only through what is written to it, by being
    // a marked parameter, or by being sent to a model (then the flow analysis makes it a prompt wherever it is read).
    // When every write is a value that cannot hold text and no read can send it (no model call, no other variable or
    // collection built from it), it cannot either: a model id or a user id kept in a string needs no flow analysis.
    private bool VariableCanHoldText(ISymbol variable)
    {
        if (_scan is null)
        {
            return true; // a helper's returns are read without a scan of its body: its variables may hold anything
        }

        if (_variables.TryGetValue(variable, out bool known))
        {
            return known;
        }

        _variables[variable] = true; // a variable written from itself, directly or not, is not cleared
        bool result = !IsPlainString(variable) || !WritesAndReadsKeepClean(_scan, variable);
        _variables[variable] = result;
        return result;
    }

    private bool IsPlainString(ISymbol variable) => variable switch
    {
        ILocalSymbol { IsRef: false, Type.SpecialType: SpecialType.System_String } => true,
        IParameterSymbol { RefKind: RefKind.None or RefKind.In, Type.SpecialType: SpecialType.System_String } parameter
            => SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _owner) && !IsMarkedParameter(parameter),
        _ => false,
    };

    // The parameters the flow analysis starts as sources whatever is written to them (MethodFlowAnalysis.ParameterSource).
    private bool IsMarkedParameter(IParameterSymbol parameter) =>
        _catalog.IsClassified(parameter)
        || _catalog.IsPromptParameter(parameter, parameter.ContainingSymbol is IMethodSymbol method ? exposure.Implementations?.OperationOf(method) : null);

    private bool WritesAndReadsKeepClean(BodyScan scan, ISymbol variable)
    {
        bool declared = variable is IParameterSymbol;
        if (scan.StringUsesOf(variable) is not { } uses)
        {
            return declared;
        }

        // A write of a value that can hold text (the completion kept in a local) does not make the variable dirty
        // where every read finds it overwritten by a clean value first.
        bool dirtyWrite = false;
        foreach (IOperation use in uses)
        {
            switch (use)
            {
                case IVariableDeclaratorOperation declarator:
                    // Only a declaration statement's local: a foreach variable, a catch variable or a pattern's is written unseen.
                    if (declarator.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation })
                    {
                        return false;
                    }

                    dirtyWrite |= declarator.GetVariableInitializer() is { } initializer && CanHoldText(initializer.Value);
                    declared = true;
                    break;
                case ILocalReferenceOperation { IsDeclaration: true }:
                    return false;
                case { Parent: IAssignmentOperation assignment } when assignment.Target == use:
                    dirtyWrite |= CanHoldText(assignment.Value); // a compound one adds to what was there, clean or not
                    break;
                default:
                    if (!IsCleanUse(use))
                    {
                        return false;
                    }

                    break;
            }
        }

        return declared && (!dirtyWrite || uses.All(use => !IsInNestedFunction(use) && (IsWrite(use) || IsOverwrittenCleanBefore(scan, use, uses))));
    }

    // A lambda or local function runs whenever it is called: what it writes or reads is not ordered by the statements.
    private static bool IsInNestedFunction(IOperation use)
    {
        for (IOperation? current = use.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWrite(IOperation use) =>
        use is IVariableDeclaratorOperation || (use.Parent is IAssignmentOperation assignment && assignment.Target == use);

    // Whether the last write the variable read at 'read' can have had is a clean one: found by walking back from the
    // read through the statements of each enclosing block, which run in order. A statement holding the read, or
    // holding the block it is in, must not write the variable (a loop could bring that write round to the read);
    // the first earlier statement that writes it must be a plain assignment or declaration of a value that cannot
    // hold text. A jump into the middle of a block is not followed.
    private bool IsOverwrittenCleanBefore(BodyScan scan, IOperation read, List<IOperation> uses)
    {
        if (scan.HasJumps)
        {
            return false;
        }

        IOperation node = read;
        for (IOperation? parent = read.Parent; parent is not null; node = parent, parent = parent.Parent)
        {
            if (parent is not IBlockOperation block)
            {
                continue;
            }

            if (WritesIn(node, uses) != 0)
            {
                return false;
            }

            for (int i = block.Operations.IndexOf(node) - 1; i >= 0; i--)
            {
                IOperation statement = block.Operations[i];
                switch (WritesIn(statement, uses))
                {
                    case 0:
                        continue;
                    case 1:
                        return IsCleanOverwrite(statement, uses);
                    default:
                        return false;
                }
            }
        }

        return false;
    }

    // How many of the variable's writes are in 'statement'.
    private static int WritesIn(IOperation statement, List<IOperation> uses)
    {
        int writes = 0;
        foreach (IOperation use in uses)
        {
            if (IsWrite(use) && IsWithin(use, statement))
            {
                writes++;
            }
        }

        return writes;
    }

    private static bool IsWithin(IOperation operation, IOperation ancestor)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    // 'statement' (holding one write of the variable) is 'v = <clean>;' or 'string v = <clean>;'.
    private bool IsCleanOverwrite(IOperation statement, List<IOperation> uses) => statement switch
    {
        IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment } => uses.Contains(assignment.Target) && !CanHoldText(assignment.Value),
        IVariableDeclarationGroupOperation { Declarations: { Length: 1 } declarations } when declarations[0].Declarators is { Length: 1 } declarators
            => uses.Contains(declarators[0]) && declarators[0].GetVariableInitializer() is { } initializer && !CanHoldText(initializer.Value),
        _ => false,
    };

    // A read that cannot send the variable to a model.
    private bool IsCleanUse(IOperation reference)
    {
        switch (reference.Parent)
        {
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
            case ITupleOperation:
                return false;
        }

        for (IOperation? current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInvocationOperation invocation when SendsOrStores(invocation.TargetMethod):
                // (An element of an array or of a collection initializer is caught by what holds the collection: a
                // variable, a model call, or the initializer's own Add.)
                case IAssignmentOperation or IVariableInitializerOperation:
                case { Kind: OperationKind.CollectionExpression or OperationKind.Spread }:
                    return false;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return true;
            }

            if (current.Parent is IBlockOperation)
            {
                return true;
            }
        }

        return true;
    }

    // A model call sends its arguments; a mutator adds them to a collection or builder that may be sent later.
    private bool SendsOrStores(IMethodSymbol method) =>
        _catalog.IsModelCall(method, options) || _catalog.IsLlmOperation(method) || DataExposureCatalog.IsMutator(method);

    private bool IsSource(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.MethodKind == MethodKind.LocalFunction
            || exposure.IsInSource(invocation.TargetMethod)
            || _catalog.IsModelCall(invocation.TargetMethod, options) // what it is sent is a prompt, even where it returns only vectors
            || ReturnsSourceText(invocation.TargetMethod)
            || _catalog.IsContentType(invocation.Type),
        IMemberReferenceOperation member => exposure.IsStorage(member.Member) || _catalog.HasPromptAttribute(member.Member) || _catalog.IsClassified(member.Member)
            || options.IsListedSource(member.Member) || _catalog.IsContentType(member.Type),
        IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters.Any(IsSourceParameter),
        _ => _catalog.IsContentType(operation.Type),
    };
}

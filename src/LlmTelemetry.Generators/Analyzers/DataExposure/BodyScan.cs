using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// One walk of a body, read by both the pre-check and the flow analysis: where text can be written, where each string
/// variable is used, what is written into locals and parameters, and whether the body can be walked in order.
/// </summary>
/// <remarks>
/// Visiting an operation tree is most of what the analysis of a small body costs (the tree's nodes are spread over the
/// heap), so a body the flow analysis needs is walked once here and once by the flow analysis, not once per question.
/// </remarks>
internal sealed class BodyScan
{
    private readonly Dictionary<ISymbol, List<IOperation>> _stringUses = new(SymbolEqualityComparer.Default);

    private BodyScan()
    {
    }

    /// <summary>Invocations, object creations and property references, in the order they are written.</summary>
    public List<IOperation> SinkCandidates { get; } = new();

    /// <summary>Writes into a local or parameter: initializers, simple assignments, and what a mutator call adds to one.</summary>
    public List<(ISymbol Variable, IOperation Value)> Writes { get; } = new();

    /// <summary>A goto or a label: the statements of a block may not run in order.</summary>
    public bool HasJumps { get; private set; }

    /// <summary>Whether the body can be analyzed in order, without its control-flow graph (the flow analysis' walk without a graph).</summary>
    public bool CanWalkInOrder { get; private set; }

    /// <summary>Scans <paramref name="body"/>: a method's body, an analyzer's operation block, or an initializer.</summary>
    public static BodyScan Of(IOperation body)
    {
        var scan = new BodyScan();
        bool inOrder = scan.Visit(body);
        scan.CanWalkInOrder = MethodFlowAnalysis.StatementsOf(body) is not null && inOrder;
        return scan;
    }

    /// <summary>The declarations and reads of a string local or parameter, or <see langword="null"/> when it is not used.</summary>
    public List<IOperation>? StringUsesOf(ISymbol variable) => _stringUses.TryGetValue(variable, out List<IOperation>? uses) ? uses : null;

    // Records 'root' and everything under it, in the order it is written (a loop over a stack: operation trees can be as
    // deep as a 10,000-term concatenation); returns whether it can be walked in order. A write on one branch of an
    // expression would replace, on every path, what only one path assigns: below such a branch no write is allowed.
    // (Switches on the kind, not on interfaces: this runs for every operation of every body.)
    private bool Visit(IOperation root)
    {
        bool inOrder = true;
        var pending = WalkStacks<(IOperation Operation, bool WritesAllowed)>.Rent();
        try
        {
            pending.Push((root, true));
            while (pending.Count > 0)
            {
                (IOperation operation, bool writesAllowed) = pending.Pop();
                OperationKind kind = operation.Kind;
                inOrder &= Record(operation, kind, writesAllowed);
                bool hasBranches = kind is OperationKind.Conditional or OperationKind.Coalesce or OperationKind.ConditionalAccess or OperationKind.Binary;

                foreach (IOperation child in operation.ChildOperations.Reverse())
                {
                    pending.Push((child, writesAllowed && !(hasBranches && IsExpressionBranch(operation, child))));
                }
            }

            return inOrder;
        }
        finally
        {
            WalkStacks<(IOperation Operation, bool WritesAllowed)>.Return(pending);
        }
    }

    private bool Record(IOperation operation, OperationKind kind, bool writesAllowed)
    {
        switch (kind)
        {
            case OperationKind.Invocation:
                SinkCandidates.Add(operation);
                var invocation = (IInvocationOperation)operation;
                if (invocation.Instance is { } instance && VariableOf(instance) is { } mutated && !invocation.Arguments.IsEmpty
                    && DataExposureCatalog.IsMutator(invocation.TargetMethod))
                {
                    Writes.Add((mutated, invocation.Arguments[0].Value));
                }

                return true;
            case OperationKind.ObjectCreation or OperationKind.PropertyReference:
                SinkCandidates.Add(operation);
                return true;
            case OperationKind.LocalReference:
                ILocalSymbol local = ((ILocalReferenceOperation)operation).Local;
                if (local.Type.SpecialType == SpecialType.System_String)
                {
                    StringUses(local).Add(operation);
                }

                return true;
            case OperationKind.ParameterReference:
                IParameterSymbol parameter = ((IParameterReferenceOperation)operation).Parameter;
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    StringUses(parameter).Add(operation);
                }

                return true;
            case OperationKind.VariableDeclarator:
                var declarator = (IVariableDeclaratorOperation)operation;
                if (declarator.Symbol.Type.SpecialType == SpecialType.System_String)
                {
                    StringUses(declarator.Symbol).Add(operation);
                }

                if (declarator.Initializer?.Value is { } initial)
                {
                    Writes.Add((declarator.Symbol, initial));
                }

                return true;
            case OperationKind.SimpleAssignment:
                var assignment = (ISimpleAssignmentOperation)operation;
                if (VariableOf(assignment.Target) is { } assigned)
                {
                    Writes.Add((assigned, assignment.Value));
                }

                return writesAllowed;
            case OperationKind.Labeled:
                HasJumps = true;
                return false;
            case OperationKind.Branch:
                HasJumps |= ((IBranchOperation)operation).BranchKind == BranchKind.GoTo;
                return false;

            // What the walk in order cannot follow: loops, try, using, lock, switch, lambdas and local functions, yield.
            case OperationKind.Loop or OperationKind.Try or OperationKind.Using or OperationKind.UsingDeclaration or OperationKind.Lock
                or OperationKind.Switch or OperationKind.SwitchExpression or OperationKind.AnonymousFunction or OperationKind.LocalFunction
                or OperationKind.YieldReturn or OperationKind.YieldBreak:
                return false;
            case OperationKind.MethodReference:
                return ((IMethodReferenceOperation)operation).Method.MethodKind != MethodKind.LocalFunction;
            case OperationKind.CompoundAssignment or OperationKind.DeconstructionAssignment or OperationKind.Increment or OperationKind.Decrement
                or OperationKind.DeclarationExpression:
                return writesAllowed;
            case OperationKind.Argument:
                return writesAllowed || ((IArgumentOperation)operation).Parameter?.RefKind is not (RefKind.Out or RefKind.Ref);
            default:
                return true;
        }
    }

    // The parts of an expression that run on one path only: '?:' branches, what '??' falls back to, what '?.' reads, the
    // right of '&&' and '||'. (An if statement's branches are statements, walked with their own state.)
    private static bool IsExpressionBranch(IOperation parent, IOperation child) => parent switch
    {
        IConditionalOperation { Type: null } => false,
        IConditionalOperation expression => child == expression.WhenTrue || child == expression.WhenFalse,
        ICoalesceOperation coalesce => child == coalesce.WhenNull,
        IConditionalAccessOperation access => child == access.WhenNotNull,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical => child == logical.RightOperand,
        _ => false,
    };

    private List<IOperation> StringUses(ISymbol variable)
    {
        if (!_stringUses.TryGetValue(variable, out List<IOperation>? uses))
        {
            _stringUses[variable] = uses = new List<IOperation>();
        }

        return uses;
    }

    private static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };
}

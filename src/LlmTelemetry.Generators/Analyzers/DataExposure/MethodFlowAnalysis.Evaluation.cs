using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>The transfer function: what each operation yields and how it changes the state.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private Taint Evaluate(IOperation? operation)
    {
        if (operation is null)
        {
            return Taint.None;
        }

        CountEvaluation();
        AnalysisBounds.EnterNested(ref _nesting);
        try
        {
            Taint taint = operation.Kind == OperationKind.Binary ? EvaluateBinaryChain((IBinaryOperation)operation) : EvaluateCore(operation);
            return Record(operation, taint);
        }
        finally
        {
            _nesting--;
        }
    }

    private void CountEvaluation()
    {
        if (++_evaluations > AnalysisBounds.MaxEvaluations)
        {
            throw new AnalysisBoundExceededException();
        }
    }

    // What 'operation' yields, as every lookup of it will find it.
    private Taint Record(IOperation operation, Taint taint)
    {
        if (!taint.IsNone && _catalog.IsScalar(operation.Type))
        {
            taint = Taint.None; // numbers, flags, enums, ids and times carry no text
        }

        // Only what carries something is recorded: a clean value is the default of every lookup, and most are clean.
        if (!taint.IsNone)
        {
            _taintOf[operation] = taint;
        }
        else if (_taintOf.Count != 0)
        {
            _taintOf.Remove(operation); // a later pass over a loop may find it clean again
        }

        return taint;
    }

    // 'a + b + c + …' nests to the left as deep as it is long (a generated query, a long message): its left spine is
    // walked in a loop, so that only right operands recurse.
    private Taint EvaluateBinaryChain(IBinaryOperation top)
    {
        if (top.ConstantValue.HasValue)
        {
            return Taint.None;
        }

        if (top.LeftOperand is not IBinaryOperation { ConstantValue.HasValue: false })
        {
            return BinaryResult(top, Evaluate(top.LeftOperand), Evaluate(top.RightOperand));
        }

        var spine = new List<IBinaryOperation>();
        IOperation current = top;
        while (current is IBinaryOperation { ConstantValue.HasValue: false } binary)
        {
            spine.Add(binary);
            current = binary.LeftOperand;
        }

        Taint left = Evaluate(current);
        for (int i = spine.Count - 1; i > 0; i--)
        {
            CountEvaluation();
            IBinaryOperation binary = spine[i];
            left = Record(binary, BinaryResult(binary, left, Evaluate(binary.RightOperand)));
        }

        return BinaryResult(top, left, Evaluate(top.RightOperand));
    }

    // Comparisons and arithmetic yield no text; concatenation yields what either side carries.
    private static Taint BinaryResult(IBinaryOperation binary, Taint left, Taint right) =>
        binary.OperatorKind is BinaryOperatorKind.Add ? left.Union(right) : Taint.None;

    private Taint EvaluateCore(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return Taint.None;
        }

        // The commonest kinds first, by kind: testing an operation against each interface below in turn costs more than
        // the rest of the walk. (Each kind is exactly the interface the switch below tests for it.)
        switch (operation.Kind)
        {
            case OperationKind.LocalReference:
                return _state.Get(((ILocalReferenceOperation)operation).Local, _defaultOf);
            case OperationKind.ParameterReference:
                return _state.Get(((IParameterReferenceOperation)operation).Parameter, _defaultOf);
            case OperationKind.PropertyReference:
                return ReadProperty((IPropertyReferenceOperation)operation);
            case OperationKind.Invocation:
                return EvaluateInvocation((IInvocationOperation)operation);
            case OperationKind.Literal:
                return Taint.None;
            case OperationKind.Argument or OperationKind.Conversion or OperationKind.Await or OperationKind.Parenthesized or OperationKind.ExpressionStatement
                or OperationKind.InterpolatedString or OperationKind.Interpolation or OperationKind.InterpolatedStringText:
                return EvaluateChildren(operation);
            default:
                return EvaluateOther(operation);
        }
    }

    // The rest, by interface. (A method of its own: the many typed locals of this switch would otherwise make every
    // level of a recursive walk through the common kinds above take a large stack frame.)
    private Taint EvaluateOther(IOperation operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return _state.Get(local.Local, _defaultOf);
            case IParameterReferenceOperation parameter:
                return _state.Get(parameter.Parameter, _defaultOf);
            case IFlowCaptureReferenceOperation capture:
                return _state.Get(capture.Id);
            case IFlowCaptureOperation capture:
                _state.Set(capture.Id, Evaluate(capture.Value));
                if (capture.Value is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation })
                {
                    _captureAliases[capture.Id] = capture.Value; // 'builder.Append(…)' mutates the variable through a capture of it
                }

                return Taint.None;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.PatternInput } when _patternInputs.Count > 0:
                return _patternInputs.Peek();
            case IInstanceReferenceOperation or ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or ISizeOfOperation
                or ICaughtExceptionOperation or IIsNullOperation or IStaticLocalInitializationSemaphoreOperation:
                return Taint.None;
            case IFieldReferenceOperation field:
                return ReadMember(field.Field, field.Instance, Evaluate(field.Instance), operation);
            case IPropertyReferenceOperation property:
                return ReadProperty(property);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation);
            case IObjectCreationOperation creation:
                return EvaluateCreation(creation);
            case ISimpleAssignmentOperation assignment:
            {
                Taint value = Evaluate(assignment.Value);
                Assign(assignment.Target, value, strong: true, assignment.Value);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                Taint value = Evaluate(compound.Target).Union(Evaluate(compound.Value));
                Assign(compound.Target, value, strong: true, compound.Value);
                return value;
            }

            case ICoalesceAssignmentOperation coalesce:
            {
                Taint value = Evaluate(coalesce.Target).Union(Evaluate(coalesce.Value));
                Assign(coalesce.Target, value, strong: false, coalesce.Value);
                return value;
            }

            case IDeconstructionAssignmentOperation deconstruction:
            {
                Taint value = Evaluate(deconstruction.Value);
                Assign(deconstruction.Target, value, strong: false, deconstruction.Value);
                return value;
            }

            case IReturnOperation @return:
            {
                Taint value = Evaluate(@return.ReturnedValue);
                _returned = _returned.Union(value);
                return Taint.None;
            }

            // Only in a walk in order: the graph turns 'a?.B' into a capture of 'a' and a branch.
            case IConditionalAccessOperation access:
            {
                _conditionalAccessReceivers.Push(Evaluate(access.Operation));
                Taint value = Evaluate(access.WhenNotNull);
                _conditionalAccessReceivers.Pop();
                return value;
            }

            // Also only in a walk in order: the graph makes each part a call on a capture of the handler, which the call
            // adds to (a mutator of a container); here the handler has no variable, and its Append methods return no text.
            case IInterpolatedStringAppendOperation append:
            {
                Evaluate(append.AppendCall);
                Taint appended = Taint.None;
                if (append.AppendCall is IInvocationOperation call)
                {
                    foreach (IArgumentOperation argument in call.Arguments)
                    {
                        appended = appended.Union(_taintOf.TryGetValue(argument.Value, out Taint? taint) ? taint : Taint.None);
                    }
                }

                return appended;
            }

            // 'x is string s', 'x is { Length: > 0 } s': the variable is the tested value wherever it can be read.
            case IIsPatternOperation test:
            {
                Taint value = Evaluate(test.Value);
                DeclarePatternVariables(test.Pattern, value, test.Value);
                return Taint.None;
            }

            case IConditionalAccessInstanceOperation:
                return _conditionalAccessReceivers.Count > 0 ? _conditionalAccessReceivers.Peek() : Taint.None;
            case IFlowAnonymousFunctionOperation lambda:
                return EvaluateLambda(lambda);
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                return EvaluateLocalFunction(reference.Method, arguments: null);
            default:
                return EvaluateChildren(operation);
        }
    }

    // What an operation without a rule of its own yields: what any of its parts carries.
    private Taint EvaluateChildren(IOperation operation)
    {
        Taint union = Taint.None;
        foreach (IOperation child in operation.ChildOperations)
        {
            union = union.Union(Evaluate(child));
        }

        return union;
    }

    // A variable a pattern binds holds the part of the tested value it is bound to: the value itself ('x is string s'),
    // a member read from it ('{ Text: var t }', '{ Message.Text: var t }'), or an element or deconstructed part of it
    // (taken to hold what the whole holds).
    private void DeclarePatternVariables(IPatternOperation pattern, Taint value, IOperation tested)
    {
        ISymbol? declared = pattern switch
        {
            IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
            IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
            IListPatternOperation list => list.DeclaredSymbol,
            _ => null,
        };
        if (declared is ILocalSymbol local)
        {
            Store(local, value, strong: true, tested);
        }

        switch (pattern)
        {
            case IRecursivePatternOperation recursive:
                foreach (IPatternOperation part in recursive.DeconstructionSubpatterns)
                {
                    DeclarePatternVariables(part, value, tested);
                }

                foreach (IPropertySubpatternOperation property in recursive.PropertySubpatterns)
                {
                    _patternInputs.Push(value);
                    Taint member = Evaluate(property.Member);
                    _patternInputs.Pop();
                    DeclarePatternVariables(property.Pattern, member, property.Member);
                }

                break;
            case IListPatternOperation list:
                foreach (IPatternOperation element in list.Patterns)
                {
                    DeclarePatternVariables(element, value, tested);
                }

                break;
            case ISlicePatternOperation { Pattern: { } slice }:
                DeclarePatternVariables(slice, value, tested);
                break;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
                DeclarePatternVariables(both.LeftPattern, value, tested);
                DeclarePatternVariables(both.RightPattern, value, tested);
                break;
        }
    }

    private Taint ReadProperty(IPropertyReferenceOperation property)
    {
        Taint instance = Evaluate(property.Instance);
        Taint arguments = Taint.None;
        foreach (IArgumentOperation argument in property.Arguments)
        {
            arguments = arguments.Union(Evaluate(argument.Value));
        }

        IPropertySymbol symbol = property.Property;
        if (property.Instance is { Type: { } receiverType } && _catalog.IsClientLibraryType(receiverType))
        {
            return ReadClientLibraryMember(symbol, receiverType, instance, property);
        }

        Taint read = ReadMember(symbol, property.Instance, instance, property);
        if (!_context.IsStorage(symbol) && _context.IsInSource(symbol) && symbol.GetMethod is { } getter && _depth < DataExposureContext.MaxDepth)
        {
            read = read.Union(_context.Summarize(getter, _depth + 1, _cancellationToken).Returned.WithoutParameters());
        }

        return read.Union(arguments);
    }

    // A chat type's text members carry text; its ids, roles, usage and timestamps do not. Read from a value known to
    // hold content, the member is named as the source; read from a parameter, the caller's argument is.
    private Taint ReadClientLibraryMember(ISymbol member, ITypeSymbol receiverType, Taint receiver, IOperation read)
    {
        if (!_catalog.CarriesText(member))
        {
            return Taint.None;
        }

        return receiver.HasSources
            ? Taint.From(new TaintSource(ContentDescription(receiverType, read), read.Syntax.GetLocation())).Union(receiver.OnlyParameters())
            : receiver.OnlyParameters();
    }

    private Taint ReadMember(ISymbol member, IOperation? instance, Taint instanceTaint, IOperation read)
    {
        Taint taint = instanceTaint;
        if (_context.IsStorage(member))
        {
            taint = taint.Union(IsThisOrStatic(instance) ? _state.Get(member.OriginalDefinition, _defaultOf) : _context.FieldTaint(member, _depth + 1, _cancellationToken));
        }

        if (MemberSource(member, read) is { } source)
        {
            taint = taint.Union(Taint.From(source));
        }
        else if (_catalog.IsContentType(read.Type))
        {
            // A field or property holding chat messages, a response or a history holds their text.
            taint = taint.Union(Taint.From(new TaintSource($"The chat content '{ValueNames.Of(read)}'", read.Syntax.GetLocation())));
        }

        return taint;
    }

    // A member the user marked: [Prompt], a data classification, or a source listed in .editorconfig.
    private TaintSource? MemberSource(ISymbol member, IOperation read)
    {
        if (_options.IsExcluded(member))
        {
            return null;
        }

        if (_catalog.HasPromptAttribute(member) || _options.IsListedSource(member))
        {
            return new TaintSource($"The prompt data '{ValueNames.Of(read)}'", read.Syntax.GetLocation());
        }

        return _catalog.ClassificationOf(member) is { } classification
            ? new TaintSource($"The classified value '{ValueNames.Of(read)}' ([{ShortAttributeName(classification)}])", read.Syntax.GetLocation())
            : null;
    }

    private static bool IsThisOrStatic(IOperation? instance) =>
        instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private static string ContentDescription(ITypeSymbol receiverType, IOperation read)
    {
        string kind = receiverType.Name switch
        {
            "ChatResponse" or "ChatResponseUpdate" or "ChatCompletion" or "StreamingChatCompletionUpdate" or "StreamingChatMessageContent" or "FunctionResult"
                or "AgentResponse" or "AgentResponseUpdate" => "completion text",
            _ => "chat message text",
        };
        return $"The {kind} '{ValueNames.Of(read)}'";
    }

    private void Assign(IOperation target, Taint value, bool strong, IOperation? assigned)
    {
        AnalysisBounds.EnterNested(ref _nesting);
        try
        {
            AssignCore(target, value, strong, assigned);
        }
        finally
        {
            _nesting--;
        }
    }

    private void AssignCore(IOperation target, Taint value, bool strong, IOperation? assigned)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Store(local.Local, value, strong, assigned);
                break;
            case IParameterReferenceOperation parameter:
                Store(parameter.Parameter, value, strong, assigned);
                break;
            case IFlowCaptureReferenceOperation capture:
                _state.Set(capture.Id, strong ? value : _state.Get(capture.Id).Union(value));
                if (!strong && _captureAliases.TryGetValue(capture.Id, out IOperation? aliased))
                {
                    Assign(aliased, value, strong: false, assigned: null);
                }

                break;
            case IFieldReferenceOperation field:
                AssignMember(field.Field, field.Instance, value, strong);
                break;
            case IPropertyReferenceOperation property:
                if (_catalog.ClassifySinkProperty(property.Property) is { } sink && assigned is not null)
                {
                    Report(value, sink, assigned);
                }

                foreach (IArgumentOperation argument in property.Arguments)
                {
                    Evaluate(argument.Value);
                }

                AssignMember(property.Property, property.Instance, value, strong);
                break;
            case IArrayElementReferenceOperation element:
                Evaluate(element.ArrayReference);
                Assign(element.ArrayReference, value, strong: false, assigned: null);
                break;
            case ITupleOperation tuple:
                foreach (IOperation element in tuple.Elements)
                {
                    Assign(element, value, strong: false, assigned: null);
                }

                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value, strong, assigned);
                break;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } when _initializedObjects.Count > 0:
                _initializedObjects.Push(_initializedObjects.Pop().Union(value)); // an initializer's Add or member assignment
                break;
            case IInvocationOperation { Instance: { } receiver } chained
                when DataExposureCatalog.IsMutator(chained.TargetMethod) && SymbolEqualityComparer.Default.Equals(chained.Type, receiver.Type):
                // builder.Append(a).Append(text): a fluent mutator returns its receiver, which the second call adds to.
                Assign(receiver, value, strong: false, assigned: null);
                break;
        }
    }

    private void AssignMember(ISymbol member, IOperation? instance, Taint value, bool strong)
    {
        if (_context.IsStorage(member) && IsThisOrStatic(instance))
        {
            ISymbol key = member.OriginalDefinition;
            _state.Set(key, strong ? value : _state.Get(key, _defaultOf).Union(value));
            Taint sources = value.WithoutParameters();
            if (sources.HasSources)
            {
                _fieldWrites[key] = _fieldWrites.TryGetValue(key, out Taint? written) ? written.Union(sources) : sources;
            }
        }
        else if (instance is not null)
        {
            Evaluate(instance);
            Assign(instance, value, strong: false, assigned: null); // the object now holds the value
        }
    }

    private void Store(ISymbol variable, Taint value, bool strong, IOperation? assigned)
    {
        // A variable sent to a model holds a prompt whenever it is given a value that is not a constant.
        if (_sent.TryGetValue(variable, out TaintSource? sent) && assigned is not null && !IsConstantLike(assigned))
        {
            value = value.Union(Taint.From(sent));
        }

        _state.Set(variable, strong ? value : _state.Get(variable, _defaultOf).Union(value));
    }

    private bool IsConstantLike(IOperation operation) => operation switch
    {
        { ConstantValue.HasValue: true } or IDefaultValueOperation or ILiteralOperation => true,
        _ when _catalog.IsScalar(operation.Type) => true,
        IConversionOperation or IObjectCreationOperation or IArrayCreationOperation or IArrayInitializerOperation or IArgumentOperation
            or IInterpolatedStringOperation or IInterpolationOperation or IInterpolatedStringTextOperation or IObjectOrCollectionInitializerOperation
            => operation.ChildOperations.All(IsConstantLike),
        _ => operation.Kind.ToString() == "CollectionExpression" && operation.ChildOperations.All(IsConstantLike),
    };
}

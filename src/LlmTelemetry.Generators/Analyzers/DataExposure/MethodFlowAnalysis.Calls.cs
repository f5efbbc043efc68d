using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>Calls and object creations: sanitizers, sinks, sources, this compilation's methods, and library methods.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private Taint EvaluateInvocation(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        Taint receiver = Evaluate(invocation.Instance);

        // Per parameter, what its argument carries; most calls are handed only clean values and need no array.
        Taint[]? arguments = null;
        Taint allArguments = Taint.None;
        for (int i = 0; i < invocation.Arguments.Length; i++)
        {
            IArgumentOperation argument = invocation.Arguments[i];
            Taint taint = argument.Parameter?.RefKind == RefKind.Out ? Taint.None : Evaluate(argument.Value);
            if (taint.IsNone)
            {
                continue;
            }

            if (arguments is null)
            {
                arguments = new Taint[Math.Max(method.Parameters.Length, invocation.Arguments.Length)];
                for (int j = 0; j < arguments.Length; j++)
                {
                    arguments[j] = Taint.None;
                }
            }

            int ordinal = argument.Parameter?.Ordinal ?? i;
            arguments[ordinal] = arguments[ordinal].Union(taint);
            allArguments = allArguments.Union(taint);
        }

        Taint result = EvaluateCall(invocation, method, receiver, arguments, allArguments);

        // What a library call writes to its out and ref arguments comes from what it was given.
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                Assign(argument.Value, receiver.Union(allArguments), strong: argument.Parameter.RefKind == RefKind.Out, assigned: null);
            }
        }

        return result;
    }

    // 'arguments' holds what each parameter's argument carries, or is null when every argument is clean.
    private Taint EvaluateCall(IInvocationOperation invocation, IMethodSymbol method, Taint receiver, Taint[]? arguments, Taint allArguments)
    {
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return EvaluateLocalFunction(method, arguments);
        }

        if (_catalog.IsSanitizer(method, _options))
        {
            return Taint.None;
        }

        if (!_options.IsExcluded(method) && _catalog.ClassifySink(method, invocation.Instance, _options, _cancellationToken, out Func<IParameterSymbol, bool> isSinkArgument) is { } sink)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && isSinkArgument(parameter))
                {
                    ReportArgument(argument.Value, sink);
                }
            }

            return Taint.None;
        }

        if (_catalog.IsModelCall(method, _options))
        {
            // What an embeddings call returns is vectors: numbers derived from the text sent, which stays a prompt.
            return _catalog.IsTextModelCall(method, _options)
                ? Taint.From(new TaintSource($"The response of '{method.Name}'", invocation.Syntax.GetLocation()))
                : Taint.None;
        }

        if (_catalog.IsLlmOperation(method))
        {
            return Taint.From(new TaintSource($"The result of [LlmOperation] method '{method.Name}'", invocation.Syntax.GetLocation()));
        }

        if (!_options.IsExcluded(method)
            && (_options.IsListedSource(method) || _catalog.ReturnsPrompt(method)))
        {
            return Taint.From(new TaintSource($"The prompt data '{ValueNames.Of(invocation)}'", invocation.Syntax.GetLocation()));
        }

        if (invocation.Instance is { Type: { } receiverType } && _catalog.IsClientLibraryType(receiverType))
        {
            return ReadClientLibraryMember(method, receiverType, receiver, invocation);
        }

        if (_depth < DataExposureContext.MaxDepth && _context.IsInSource(method))
        {
            if (_context.IsInert(method, _depth + 1, _cancellationToken))
            {
                return Taint.None; // what its summary would say, without building its control-flow graph
            }

            if (_context.Summarize(method, _depth + 1, _cancellationToken) is { IsKnown: true } summary)
            {
                return ApplySummary(invocation, method, summary, arguments);
            }
        }

        // A library method (or one beyond the depth bound): its text-bearing result comes from what it was given.
        if (!allArguments.IsNone && _catalog.IsContainer(invocation.Instance?.Type) && DataExposureCatalog.IsMutator(method))
        {
            Assign(invocation.Instance!, allArguments, strong: false, assigned: null);
        }

        return receiver.Union(allArguments);
    }

    private Taint ApplySummary(IInvocationOperation invocation, IMethodSymbol method, MethodFlowResult summary, Taint[]? arguments)
    {
        Taint result = ReturnedThrough(summary.Returned, method, invocation);
        for (int ordinal = 0; arguments is not null && ordinal < arguments.Length; ordinal++)
        {
            if (summary.Returned.HasParameter(ordinal))
            {
                result = result.Union(arguments[ordinal]);
            }
        }

        // A wrapper that writes a parameter to a sink is reported here, at the call that hands it the text.
        foreach (ParameterSink parameterSink in summary.ParameterSinks)
        {
            IArgumentOperation? argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameterSink.Ordinal);
            if (argument is not null)
            {
                ReportArgument(argument.Value, parameterSink.Sink.Through(method.Name));
            }
        }

        return result;
    }

    // What a method of this compilation returns from its own sources is named through the call that returned it and
    // located there: the source itself is in another method, often another file, and a command-line build does not
    // show additional locations.
    private static Taint ReturnedThrough(Taint returned, IMethodSymbol method, IInvocationOperation invocation)
    {
        Taint result = Taint.None;
        foreach (TaintSource source in returned.Sources)
        {
            string description = source.Description;
            int earlier = description.IndexOf(ReturnedBy, StringComparison.Ordinal);
            string origin = earlier >= 0 ? description.Substring(0, earlier) : description;
            result = result.Union(Taint.From(new TaintSource($"{origin}{ReturnedBy}'{method.Name}'", invocation.Syntax.GetLocation())));
        }

        return result;
    }

    private const string ReturnedBy = ", returned by ";

    private void ReportArgument(IOperation value, Sink sink)
    {
        // A params array written by a logging call: each element is its own value.
        if (value is IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer })
        {
            foreach (IOperation element in initializer.ElementValues)
            {
                Report(_taintOf.TryGetValue(element, out Taint? t) ? t : Taint.None, sink, element);
            }

            return;
        }

        Report(_taintOf.TryGetValue(value, out Taint? taint) ? taint : Taint.None, sink, value);
    }

    private Taint EvaluateCreation(IObjectCreationOperation creation)
    {
        Taint union = Taint.None;
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            union = union.Union(Evaluate(argument.Value));
        }

        // What the initializer adds to the object (in a walk in order; the graph turns it into calls on a capture).
        if (creation.Initializer is { } initializer)
        {
            _initializedObjects.Push(Taint.None);
            union = union.Union(Evaluate(initializer)).Union(_initializedObjects.Pop());
        }
        if (_catalog.IsExceptionType(creation.Type) && creation.Constructor is { } constructor && !_options.IsExcluded(constructor))
        {
            var sink = new Sink(SinkKind.ExceptionMessage, creation.Type!.Name);
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    ReportArgument(argument.Value, sink);
                }
            }
        }

        return union;
    }
}

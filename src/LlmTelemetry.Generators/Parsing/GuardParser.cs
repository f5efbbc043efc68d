using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Reads the <c>[EvalGuard]</c>s of an operation and checks each: evaluator, numbers, action, fallback.</summary>
internal static class GuardParser
{
    private static readonly string[] s_actions = ["Record", "Throw", "Fallback"];
    private static readonly string[] s_modes = ["Inline", "Background"];

    public static EquatableArray<GuardModel> Parse(IMethodSymbol method, ReturnShape shape, ITypeSymbol? resultType, Compilation compilation, KnownTypes known, List<Diagnostic> diagnostics)
    {
        if (known.EvalGuardAttribute is null)
        {
            return EquatableArray<GuardModel>.Empty;
        }

        var guards = new List<GuardModel>();
        foreach (AttributeData attribute in method.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.EvalGuardAttribute)))
        {
            Location location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
            void Report(string message) => diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidEvalGuard, location, message));

            if (shape is ReturnShape.Void or ReturnShape.Task or ReturnShape.ValueTask || resultType is { IsRefLikeType: true })
            {
                Report($"[EvalGuard] on '{method.Name}' has nothing to evaluate: guards judge a result returned by value, Task<T>, ValueTask<T> or IAsyncEnumerable<T>, not {Describe(shape)}");
                continue;
            }

            if (guards.Count == 31)
            {
                Report($"'{method.Name}' has more than 31 [EvalGuard]s");
                continue;
            }

            GuardModel? guard = ParseOne(method, shape, attribute, compilation, known, Report);
            if (guard is not null)
            {
                guards.Add(guard);
            }
        }

        if (guards.Select(static g => g.Fallback).Where(static f => f is not null).Distinct().Count() > 1)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidEvalGuard, method.Locations.FirstOrDefault(),
                $"The [EvalGuard]s of '{method.Name}' name different fallback methods; a call has one fallback"));
            return EquatableArray<GuardModel>.Empty;
        }

        return guards.ToEquatableArray();
    }

    private static GuardModel? ParseOne(IMethodSymbol method, ReturnShape shape, AttributeData attribute, Compilation compilation, KnownTypes known, System.Action<string> report)
    {
        var evaluatorType = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;
        string? member = null, name = null, fallback = null, configuration = null;
        double threshold = double.NaN, sampleRate = 1.0;
        int action = 0, mode = 0, timeout = 0;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                return null;
            }

            object? value = argument.Value.Value;
            switch (argument.Key)
            {
                case "Evaluator": member = value as string; break;
                case "Name": name = value as string; break;
                case "Threshold": threshold = value is double t ? t : threshold; break;
                case "SampleRate": sampleRate = value is double r ? r : sampleRate; break;
                case "OnFailure": action = value is int a ? a : action; break;
                case "Mode": mode = value is int m ? m : mode; break;
                case "Fallback": fallback = value as string; break;
                case "ChatConfiguration": configuration = value as string; break;
                case "TimeoutMilliseconds": timeout = value is int ms ? ms : timeout; break;
            }
        }

        bool valid = true;
        void Fail(string message)
        {
            report(message);
            valid = false;
        }

        string? evaluatorTypeName = null;
        string? evaluatorMember = null;
        EvaluatorContract contract = EvaluatorContract.None;
        if ((evaluatorType is null) == (member is null))
        {
            Fail($"An [EvalGuard] on '{method.Name}' needs exactly one evaluator: a type (typeof(...)) or an instance member (Evaluator = nameof(...))");
        }
        else if (evaluatorType is not null)
        {
            if (evaluatorType.TypeKind == TypeKind.Error)
            {
                return null;
            }

            contract = Contract(evaluatorType, known);
            if (contract == EvaluatorContract.None || evaluatorType.IsAbstract || evaluatorType.IsStatic
                || !evaluatorType.InstanceConstructors.Any(c => c.Parameters.IsEmpty && compilation.IsSymbolAccessibleWithin(c, method.ContainingType)))
            {
                Fail($"The evaluator type '{evaluatorType.ToDisplayString()}' must implement {KnownContracts(known)} and have an accessible parameterless constructor; for an evaluator with dependencies, name a member with Evaluator = nameof(...)");
            }
            else
            {
                evaluatorTypeName = SymbolFormatting.Type(evaluatorType);
            }
        }
        else
        {
            (ISymbol? holder, ITypeSymbol? holderType) = ValueMember(method, member!, compilation);
            contract = holderType is null ? EvaluatorContract.None : Contract(holderType, known);
            if (holderType is null)
            {
                Fail($"'{member}', the evaluator of an [EvalGuard] on '{method.Name}', is not a field or readable property of '{method.ContainingType.Name}'");
            }
            else if (contract == EvaluatorContract.None)
            {
                Fail($"'{member}' is '{holderType.ToDisplayString()}', which does not implement {KnownContracts(known)}");
            }
            else if (method.IsStatic && !holder!.IsStatic)
            {
                Fail($"'{member}' is an instance member, and the static method '{method.Name}' has no instance to read it from");
            }
            else
            {
                evaluatorMember = SymbolFormatting.Identifier(holder!.Name);
            }
        }

        string? configurationMember = null;
        if (configuration is not null)
        {
            (ISymbol? holder, ITypeSymbol? holderType) = ValueMember(method, configuration, compilation);
            if (contract == EvaluatorContract.Llm)
            {
                Fail($"ChatConfiguration of an [EvalGuard] on '{method.Name}' is for a Microsoft.Extensions.AI.Evaluation IEvaluator; an ILlmEvaluator gets its dependencies itself");
            }
            else if (holderType is null || !ResultMappingParser.DerivesFrom(holderType, known.MeaiChatConfiguration))
            {
                Fail($"'{configuration}', the ChatConfiguration of an [EvalGuard] on '{method.Name}', is not a field or readable property of type Microsoft.Extensions.AI.Evaluation.ChatConfiguration");
            }
            else if (method.IsStatic && !holder!.IsStatic)
            {
                Fail($"'{configuration}' is an instance member, and the static method '{method.Name}' has no instance to read it from");
            }
            else
            {
                configurationMember = SymbolFormatting.Identifier(holder!.Name);
            }
        }

        if (sampleRate is < 0 or > 1 || double.IsNaN(sampleRate))
        {
            Fail($"SampleRate {sampleRate.ToString(CultureInfo.InvariantCulture)} of an [EvalGuard] on '{method.Name}' is not between 0 and 1");
        }

        if (double.IsInfinity(threshold))
        {
            Fail($"The Threshold of an [EvalGuard] on '{method.Name}' must be a finite number");
        }

        if (timeout < -1)
        {
            Fail($"TimeoutMilliseconds {timeout.ToString(CultureInfo.InvariantCulture)} of an [EvalGuard] on '{method.Name}' is not a time limit: use a positive number of milliseconds, 0 for LlmTelemetryOptions.EvaluationTimeout or -1 (Timeout.Infinite) for none");
        }

        if (action is < 0 or > 2 || mode is < 0 or > 1)
        {
            return null; // an enum value that does not exist: the compiler already says so
        }

        if (mode == 1 && action != 0)
        {
            Fail($"A background [EvalGuard] on '{method.Name}' runs after the call returned, so it can only record: remove OnFailure = GuardAction.{s_actions[action]} or make it Inline");
        }

        string? fallbackCall = null;
        if (action == 2 && shape == ReturnShape.AsyncEnumerable)
        {
            Fail($"A stream's chunks have reached the caller by the time '{method.Name}' is judged, so no fallback can replace them: use OnFailure = GuardAction.Throw or Record");
        }
        else if (action == 2)
        {
            fallbackCall = Fallback(method, fallback, compilation, Fail);
        }
        else if (fallback is not null)
        {
            Fail($"Fallback is only used with OnFailure = GuardAction.Fallback on '{method.Name}'");
        }

        if (!valid)
        {
            return null;
        }

        string defaultName = evaluatorType?.Name ?? member!.TrimStart('_');
        return new GuardModel(
            string.IsNullOrEmpty(name) ? defaultName : name!,
            double.IsNaN(threshold) ? "double.NaN" : threshold.ToString("R", CultureInfo.InvariantCulture),
            s_actions[action],
            s_modes[mode],
            sampleRate.ToString("R", CultureInfo.InvariantCulture),
            evaluatorTypeName,
            evaluatorMember,
            fallbackCall,
            contract == EvaluatorContract.Meai,
            configurationMember,
            timeout);
    }

    private static string? Fallback(IMethodSymbol method, string? fallback, Compilation compilation, System.Action<string> fail)
    {
        if (string.IsNullOrEmpty(fallback))
        {
            fail($"OnFailure = GuardAction.Fallback on '{method.Name}' needs Fallback = nameof(...) of the method that supplies the replacement");
            return null;
        }

        if (method.Parameters.Any(static p => p.RefKind != RefKind.None))
        {
            fail($"'{method.Name}' has ref, out or in parameters, which a fallback cannot be handed later");
            return null;
        }

        if (!method.IsStatic && method.ContainingType.TypeKind == TypeKind.Struct)
        {
            fail($"A fallback needs the instance of '{method.Name}' after the call, which a struct cannot lend; make the method static or the type a class");
            return null;
        }

        IMethodSymbol[] candidates = Members(method.ContainingType, fallback!).OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && compilation.IsSymbolAccessibleWithin(m, method.ContainingType))
            .ToArray();
        if (candidates.Length == 0)
        {
            fail($"No fallback method '{fallback}' found for '{method.Name}'");
            return null;
        }

        string? mismatch = null;
        foreach (IMethodSymbol candidate in candidates)
        {
            mismatch = ImplementationResolver.Mismatch(method, candidate);
            if (mismatch is null)
            {
                return SymbolFormatting.Identifier(candidate.Name) + SymbolFormatting.TypeParameterList(method.TypeParameters);
            }
        }

        fail($"Fallback method '{fallback}' does not match '{method.Name}': {mismatch}");
        return null;
    }

    // An ILlmEvaluator is called as it is; a Microsoft.Extensions.AI.Evaluation IEvaluator through a generated adapter.
    private static EvaluatorContract Contract(ITypeSymbol type, KnownTypes known) =>
        Implements(type, known.LlmEvaluator) ? EvaluatorContract.Llm
        : Implements(type, known.MeaiEvaluator) ? EvaluatorContract.Meai
        : EvaluatorContract.None;

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol? contract) =>
        contract is not null
        && (SymbolEqualityComparer.Default.Equals(type, contract) || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, contract)));

    private static string KnownContracts(KnownTypes known) =>
        known.MeaiEvaluator is null ? "ILlmEvaluator" : "ILlmEvaluator or Microsoft.Extensions.AI.Evaluation.IEvaluator";

    // A field or readable property of the type (or its bases) that generated code can read, and its type.
    private static (ISymbol? Member, ITypeSymbol? Type) ValueMember(IMethodSymbol method, string name, Compilation compilation)
    {
        ISymbol? holder = Members(method.ContainingType, name).FirstOrDefault(m => compilation.IsSymbolAccessibleWithin(m, method.ContainingType));
        ITypeSymbol? type = holder switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol { GetMethod: not null, IsIndexer: false } property => property.Type,
            _ => null,
        };
        return (type is null ? null : holder, type);
    }

    private enum EvaluatorContract
    {
        None,
        Llm,
        Meai,
    }

    private static IEnumerable<ISymbol> Members(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers(name))
            {
                yield return member;
            }
        }
    }

    private static string Describe(ReturnShape shape) => shape switch
    {
        ReturnShape.Void => "void",
        ReturnShape.Task => "a Task without a result",
        ReturnShape.ValueTask => "a ValueTask without a result",
        _ => "a ref struct",
    };
}

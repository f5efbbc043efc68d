using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LlmTelemetry.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// LLMT1005: a switch that records raw prompts and completions (<c>EnableSensitiveData = true</c>, LlmTelemetry's
/// <c>CaptureMessageContent = true</c>, Semantic Kernel's sensitive-diagnostics switch, the GenAI capture environment
/// variable) set unconditionally rather than under a development-environment check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawContentCaptureAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive",
    };

    private static readonly HashSet<string> EnvironmentVariables = new(StringComparer.Ordinal)
    {
        "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT",
        "SEMANTICKERNEL_EXPERIMENTAL_GENAI_ENABLE_OTEL_DIAGNOSTICS_SENSITIVE",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RawContentCaptureOn);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!DataExposureCatalog.For(start.Compilation).IsRelevant)
            {
                return;
            }

            start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } || !IsConstantTrue(assignment.Value))
        {
            return;
        }

        string? ns = property.ContainingNamespace?.ToDisplayString();
        bool capture = (property.Name == "EnableSensitiveData" && ns is not null && ns.StartsWith("Microsoft.", StringComparison.Ordinal))
            || (property.Name == "CaptureMessageContent" && property.ContainingType.ToDisplayString() == "LlmTelemetry.LlmTelemetryOptions");
        if (capture && !UnderDevelopmentCheck(assignment))
        {
            Report(context, assignment, assignment.Value, property.ContainingType.Name + "." + property.Name + " = true");
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (invocation.Arguments.Length != 2 || invocation.Arguments[0].Value.ConstantValue.Value is not string name)
        {
            return;
        }

        string type = method.ContainingType.ToDisplayString();
        bool capture = (type == "System.AppContext" && method.Name == "SetSwitch" && Switches.Contains(name))
            || (type == "System.Environment" && method.Name == "SetEnvironmentVariable" && EnvironmentVariables.Contains(name));
        IOperation value = invocation.Arguments[1].Value;
        if (capture && IsConstantTrue(value) && !UnderDevelopmentCheck(invocation))
        {
            Report(context, invocation, value, $"{method.ContainingType.Name}.{method.Name}(\"{name}\", {value.Syntax})");
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation reported, IOperation value, string what)
    {
        IOperation unwrapped = value is IConversionOperation conversion ? conversion.Operand : value;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RawContentCaptureOn, reported.Syntax.GetLocation(), new[] { unwrapped.Syntax.GetLocation() }, "'" + what + "'"));
    }

    private static bool IsConstantTrue(IOperation value) => value.ConstantValue.Value switch
    {
        bool flag => flag,
        string text => string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    // Inside 'if (env.IsDevelopment())', 'IsEnvironment("Development")', 'Debugger.IsAttached' (their true branch) or '#if DEBUG'.
    private static bool UnderDevelopmentCheck(IOperation operation)
    {
        IOperation child = operation;
        for (IOperation? parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && ReferenceEquals(conditional.WhenTrue, child) && IsDevelopmentCheck(conditional.Condition))
            {
                return true;
            }
        }

        return InDebugRegion(operation.Syntax);
    }

    private static bool IsDevelopmentCheck(IOperation condition) => condition switch
    {
        IInvocationOperation { TargetMethod.Name: "IsDevelopment" } => true,
        IInvocationOperation { TargetMethod.Name: "IsEnvironment" } invocation => invocation.Arguments.Length > 0
            && invocation.Arguments[invocation.Arguments.Length - 1].Value.ConstantValue.Value is string name && name == "Development",
        IPropertyReferenceOperation { Property: { Name: "IsAttached", ContainingType.Name: "Debugger" } } => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and => IsDevelopmentCheck(and.LeftOperand) || IsDevelopmentCheck(and.RightOperand),
        _ => false,
    };

    private static bool InDebugRegion(SyntaxNode node)
    {
        var debugBranches = new Stack<bool>();
        var root = (Microsoft.CodeAnalysis.CSharp.CSharpSyntaxNode)node.SyntaxTree.GetRoot();
        for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < node.SpanStart; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax @if:
                    debugBranches.Push(@if.Condition.ToString().Trim() == "DEBUG");
                    break;
                case ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax when debugBranches.Count > 0:
                    debugBranches.Pop();
                    debugBranches.Push(false);
                    break;
                case EndIfDirectiveTriviaSyntax when debugBranches.Count > 0:
                    debugBranches.Pop();
                    break;
            }
        }

        return debugBranches.Contains(true);
    }
}

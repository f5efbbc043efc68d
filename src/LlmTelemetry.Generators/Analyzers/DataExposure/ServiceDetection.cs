using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// Whether a compilation is a service, whose console output a log collector reads (LLMT1002's policy): it references
/// ASP.NET Core or Azure Functions, or it references the generic host and runs one (<c>host.Run()</c>,
/// <c>RunAsync</c>, <c>StartAsync</c>, <c>AddHostedService</c> …).
/// </summary>
/// <remarks>
/// A reference to Microsoft.Extensions.Hosting alone does not make a service: interactive console samples use
/// <c>Host.CreateApplicationBuilder()</c> for dependency injection and print the model's answers (40 of the findings
/// in dotnet/ai-samples were such prints). Whether the code runs the host is read once per compilation, and only for one
/// that references the host.
/// </remarks>
internal sealed class ServiceDetection(Compilation compilation)
{
    private readonly Reference _reference = ReferenceOf(compilation);

    // One entry, computed by the first console write that needs it; a cancelled scan is not kept.
    private readonly CancellationSafeCache<Compilation, bool> _runsHost = new(EqualityComparer<Compilation>.Default);

    private enum Reference
    {
        None,
        GenericHost,
        ServiceFramework,
    }

    public bool IsService(CancellationToken cancellationToken) => _reference switch
    {
        Reference.ServiceFramework => true,
        Reference.GenericHost => _runsHost.GetOrCompute(compilation, RunsHost, cancellationToken),
        _ => false,
    };

    private static Reference ReferenceOf(Compilation compilation)
    {
        Reference found = Reference.None;
        foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
        {
            string name = reference.Name;
            if (name.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Azure.Functions.Worker", System.StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Azure.WebJobs", System.StringComparison.Ordinal))
            {
                return Reference.ServiceFramework;
            }

            if (name == "Microsoft.Extensions.Hosting")
            {
                found = Reference.GenericHost;
            }
        }

        return found;
    }

    private static bool RunsHost(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (!tree.GetText(cancellationToken).ToString().Contains("Host"))
            {
                continue; // a host is built or named in the file that runs it
            }

            SemanticModel? model = null;
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || !RunsOrAddsAService(Parsing.TracingRegistrations.Name(invocation)))
                {
                    continue;
                }

#pragma warning disable RS1030 // Whether the compilation runs a host is a fact of the whole compilation, read once.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingAssembly.Name: var assembly }
                    && assembly.StartsWith("Microsoft.Extensions.Hosting", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool RunsOrAddsAService(string? name) =>
        name is "Run" or "RunAsync" or "RunConsoleAsync" or "Start" or "StartAsync" or "WaitForShutdown" or "WaitForShutdownAsync"
            or "AddHostedService" or "UseWindowsService" or "AddWindowsService" or "UseSystemd" or "AddSystemd";
}

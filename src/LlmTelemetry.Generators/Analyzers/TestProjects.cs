using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>
/// Whether a compilation is a test project: one whose build says so (<c>IsTestProject</c>, visible to analyzers through
/// the package's build files) or that references a test framework. Tests call models through fakes and on purpose
/// without telemetry, so the tracing-coverage rules (LLMT2xxx) are not reported there unless asked for.
/// </summary>
internal static class TestProjects
{
    /// <summary>Set to <c>report</c> to report LLMT2xxx in test projects too.</summary>
    public const string ReportKey = "llmtelemetry.untraced_calls.test_projects";

    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core",
    };

    public static bool IsTestProject(Compilation compilation, AnalyzerConfigOptions globalOptions)
    {
        if (globalOptions.TryGetValue("build_property.IsTestProject", out string? isTestProject) && string.Equals(isTestProject.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
        {
            if (System.Array.IndexOf(TestFrameworkAssemblies, reference.Name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the <c>.editorconfig</c> of a file asks for LLMT2xxx in a test project.</summary>
    public static bool Reports(AnalyzerConfigOptions options) =>
        options.TryGetValue(ReportKey, out string? value) && string.Equals(value.Trim(), "report", System.StringComparison.OrdinalIgnoreCase);
}

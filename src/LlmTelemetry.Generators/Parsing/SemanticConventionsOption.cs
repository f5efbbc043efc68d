using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// Reads the <c>LlmTelemetrySemanticConventions</c> MSBuild property, which the package's build file makes visible to the
/// compiler. Empty or missing is the baseline; an unknown value is the baseline too, and the usage analyzer reports it.
/// </summary>
internal static class SemanticConventionsOption
{
    public const string PropertyName = "LlmTelemetrySemanticConventions";
    public const string GlobalOptionKey = "build_property." + PropertyName;

    public const string BaselineValue = "baseline";
    public const string LatestValue = "latest";
    public const string BothValue = "both";

    public static SemanticConventionsVersion Read(AnalyzerConfigOptions globalOptions) =>
        TryRead(globalOptions, out SemanticConventionsVersion version, out _) ? version : SemanticConventionsVersion.Baseline;

    /// <summary>Reads the property; <see langword="false"/> with the value as written when it is not one of the three.</summary>
    public static bool TryRead(AnalyzerConfigOptions globalOptions, out SemanticConventionsVersion version, out string written)
    {
        version = SemanticConventionsVersion.Baseline;
        written = globalOptions.TryGetValue(GlobalOptionKey, out string? value) ? value.Trim() : string.Empty;
        switch (written.ToLowerInvariant())
        {
            case "":
            case BaselineValue:
                return true;
            case LatestValue:
                version = SemanticConventionsVersion.Latest;
                return true;
            case BothValue:
                version = SemanticConventionsVersion.Both;
                return true;
            default:
                return false;
        }
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// MSBuild properties as the compiler hands them to generators and analyzers (<c>build_property.*</c> global options),
/// for a run without MSBuild.
/// </summary>
internal sealed class BuildProperties : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public BuildProperties(IReadOnlyDictionary<string, string> properties)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        foreach (KeyValuePair<string, string> property in properties)
        {
            values["build_property." + property.Key] = property.Value;
        }

        _global = new Options(values.ToImmutable());
    }

    /// <summary>A build that sets <c>LlmTelemetrySemanticConventions</c>.</summary>
    public static BuildProperties SemanticConventions(string value) =>
        new(new Dictionary<string, string> { ["LlmTelemetrySemanticConventions"] = value });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

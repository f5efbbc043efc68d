using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Scan;

/// <summary>
/// The analyzer options a build would pass: <c>build_property.*</c> global options for every property the project
/// files set (the SDK passes only the CompilerVisibleProperty ones; passing all of them costs nothing and serves
/// analyzers that learn to read more), plus the facts the SDK derives (IsTestProject, the web SDK, OutputType).
/// No .editorconfig is read: per-file options are empty.
/// </summary>
internal sealed class BuildPropertyOptions : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions s_empty = new Options(new Dictionary<string, string>());

    private readonly Options _global;

    public BuildPropertyOptions(MsBuildProject project, OutputKind outputKind)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in project.Properties)
        {
            values["build_property." + name] = value;
        }

        values["build_property.IsTestProject"] = project.IsTestProject ? "true" : "false";
        values["build_property.UsingMicrosoftNETSdkWeb"] = project.IsWeb ? "true" : "";
        values["build_property.OutputType"] = outputKind switch
        {
            OutputKind.ConsoleApplication => "Exe",
            OutputKind.WindowsApplication => "WinExe",
            _ => "Library",
        };
        _global = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}

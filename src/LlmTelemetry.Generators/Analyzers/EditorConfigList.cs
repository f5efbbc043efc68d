using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Analyzers;

/// <summary>An <c>.editorconfig</c> setting that lists symbols, comma-separated.</summary>
internal static class EditorConfigList
{
    public static ImmutableHashSet<string> Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value)
            ? value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(static s => s.Trim()).Where(static s => s.Length > 0).ToImmutableHashSet(StringComparer.Ordinal)
            : ImmutableHashSet<string>.Empty;
}

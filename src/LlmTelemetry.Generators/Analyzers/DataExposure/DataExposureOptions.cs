using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// The <c>.editorconfig</c> settings of the data-exposure analysis, each a comma-separated list of symbols written
/// <c>Namespace.Type.Member</c> (or <c>Namespace.Type</c> where a type is meant).
/// </summary>
internal sealed class DataExposureOptions
{
    public const string SourcesKey = "llmtelemetry.data_exposure.sources";
    public const string SinksKey = "llmtelemetry.data_exposure.sinks";
    public const string RedactorsKey = "llmtelemetry.data_exposure.redactors";
    public const string ExcludedSymbolsKey = "llmtelemetry.data_exposure.excluded_symbols";
    public const string ConsoleOutputKey = "llmtelemetry.data_exposure.console_output";

    public static readonly DataExposureOptions Empty = new(
        ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty, ConsoleOutputPolicy.Auto);

    private DataExposureOptions(ImmutableHashSet<string> sources, ImmutableHashSet<string> sinks, ImmutableHashSet<string> redactors, ImmutableHashSet<string> excluded, ImmutableHashSet<string> modelCalls, ConsoleOutputPolicy consoleOutput)
    {
        ConsoleOutput = consoleOutput;
        Sources = sources;
        Sinks = sinks;
        Redactors = redactors;
        Excluded = excluded;
        ModelCalls = modelCalls;
    }

    /// <summary>Members whose value is prompt or completion text (properties, fields, methods' return values).</summary>
    public ImmutableHashSet<string> Sources { get; }

    /// <summary>Methods that write every argument to a log.</summary>
    public ImmutableHashSet<string> Sinks { get; }

    /// <summary>Methods whose result is safe to log.</summary>
    public ImmutableHashSet<string> Redactors { get; }

    /// <summary>Methods and types not analyzed, and members not treated as sources or sinks.</summary>
    public ImmutableHashSet<string> Excluded { get; }

    /// <summary>The model-call wrappers LLMT2001 knows, whose arguments are prompts.</summary>
    public ImmutableHashSet<string> ModelCalls { get; }

    /// <summary>Whether console output is a log or the user interface (LLMT1002's policy).</summary>
    public ConsoleOutputPolicy ConsoleOutput { get; }

    public static DataExposureOptions Read(AnalyzerConfigOptions options)
    {
        var read = new DataExposureOptions(
            EditorConfigList.Read(options, SourcesKey),
            EditorConfigList.Read(options, SinksKey),
            EditorConfigList.Read(options, RedactorsKey),
            EditorConfigList.Read(options, ExcludedSymbolsKey),
            EditorConfigList.Read(options, UntracedModelCallAnalyzer.ConfiguredMethodsKey),
            ReadConsoleOutput(options));
        return read.Sources.IsEmpty && read.Sinks.IsEmpty && read.Redactors.IsEmpty && read.Excluded.IsEmpty && read.ModelCalls.IsEmpty
            && read.ConsoleOutput == ConsoleOutputPolicy.Auto ? Empty : read;
    }

    // An unknown value keeps the default: a typo must not switch the rule off silently, nor fail the build.
    private static ConsoleOutputPolicy ReadConsoleOutput(AnalyzerConfigOptions options) =>
        options.TryGetValue(ConsoleOutputKey, out string? value) ? value.Trim().ToLowerInvariant() switch
        {
            "log" => ConsoleOutputPolicy.Log,
            "user_interface" => ConsoleOutputPolicy.UserInterface,
            _ => ConsoleOutputPolicy.Auto,
        } : ConsoleOutputPolicy.Auto;

    /// <summary>The name a member is listed under: its containing type's full name, a dot, its name.</summary>
    public static string NameOf(ISymbol member) =>
        member.ContainingType is { } type ? type.OriginalDefinition.ToDisplayString() + "." + member.Name : member.ToDisplayString();

    // Listed names are compared as display strings, which cost an allocation: only when something is listed.
    public bool IsListedSource(ISymbol member) => !Sources.IsEmpty && Sources.Contains(NameOf(member.OriginalDefinition));

    public bool IsListedSink(ISymbol method) => !Sinks.IsEmpty && Sinks.Contains(NameOf(method.OriginalDefinition));

    public bool IsListedRedactor(ISymbol method) => !Redactors.IsEmpty && Redactors.Contains(NameOf(method.OriginalDefinition));

    public bool IsExcluded(ISymbol symbol)
    {
        if (Excluded.IsEmpty)
        {
            return false;
        }

        for (ISymbol? current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (Excluded.Contains(current is INamedTypeSymbol type ? type.OriginalDefinition.ToDisplayString() : NameOf(current)))
            {
                return true;
            }
        }

        return false;
    }
}

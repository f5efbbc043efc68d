using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// The synthetic project both build-time measurements compile: <see cref="Files"/> files, each with
/// <see cref="MethodsPerFile"/> chat operations (a logger, a prompt, a model call, a completion) and an ordinary
/// method of the same size. Without LlmTelemetry the same code is written with plain methods. The implementations log
/// lengths and token counts, as careful code does; with <see cref="LogsStrings"/> each also logs its prompt through a
/// redactor and the response's model id through a local string (values the data-exposure pre-check clears without the
/// flow analysis); with <see cref="LogsHelperResult"/> also a string a helper method of the class computes from the
/// response's model id and message count, which the pre-check clears by reading what the helper returns; with
/// <see cref="LogsOverwrittenText"/> also a local that first holds the completion text and is overwritten with a
/// constant before it is logged, which the pre-check clears by finding the clean write each read sees last; with
/// <see cref="LogsTextOverwrittenOnEachBranch"/> instead a local overwritten on both branches of an <c>if</c>, which
/// only the flow analysis can clear: every implementation is flow-analyzed and none is reported (the analyzer's worst
/// case). With <see cref="LoggerMessages"/> (and without LlmTelemetry) each implementation
/// logs through a <c>[LoggerMessage]</c> method instead, one per operation: the calibration the budget of issue #6 names
/// (the logging generator on 1,000 <c>[LoggerMessage]</c> methods in 200 files), measured the same way on the same machine.
/// </summary>
internal sealed class SyntheticProject(int files, int methodsPerFile, bool withLlmTelemetry, bool logsStrings = false, bool loggerMessages = false, bool logsHelperResult = false, bool logsOverwrittenText = false, bool logsTextOverwrittenOnEachBranch = false)
{
    /// <summary>The variants <c>write</c> knows, by the name run.sh passes.</summary>
    public static SyntheticProject Named(string variant) => variant switch
    {
        "without" => Default(withLlmTelemetry: false),
        "with" => Default(withLlmTelemetry: true),
        "with-string-logs" => Default(withLlmTelemetry: true, logsStrings: true),
        "with-helper-logs" => new(200, 5, withLlmTelemetry: true, logsStrings: true, logsHelperResult: true),
        "with-overwritten-logs" => new(200, 5, withLlmTelemetry: true, logsStrings: true, logsHelperResult: true, logsOverwrittenText: true),
        "with-flow-logs" => new(200, 5, withLlmTelemetry: true, logsStrings: true, logsHelperResult: true, logsTextOverwrittenOnEachBranch: true),
        "logger-message" => new(200, 5, withLlmTelemetry: false, loggerMessages: true),
        _ => throw new System.ArgumentException($"Unknown variant '{variant}': without, with, with-string-logs, with-helper-logs, with-overwritten-logs, with-flow-logs or logger-message."),
    };

    public int Files { get; } = files;

    public int MethodsPerFile { get; } = methodsPerFile;

    public bool WithLlmTelemetry { get; } = withLlmTelemetry;

    public bool LogsStrings { get; } = logsStrings;

    public bool LoggerMessages { get; } = loggerMessages;

    public bool LogsHelperResult { get; } = logsHelperResult;

    public bool LogsOverwrittenText { get; } = logsOverwrittenText;

    public bool LogsTextOverwrittenOnEachBranch { get; } = logsTextOverwrittenOnEachBranch;

    public static SyntheticProject Default(bool withLlmTelemetry, bool logsStrings = false) => new(200, 5, withLlmTelemetry, logsStrings);

    public IEnumerable<(string Path, string Text)> Sources()
    {
        for (int i = 0; i < Files; i++)
        {
            yield return ($"Code/Assistant{i}.cs", File(i, marker: 0));
        }
    }

    /// <summary>File <paramref name="index"/>; <paramref name="marker"/> changes a literal inside one method body, as a keystroke does.</summary>
    public string File(int index, int marker)
    {
        var text = new StringBuilder();
        text.Append($$"""
            using System.Threading;
            using System.Threading.Tasks;
            using LlmTelemetry;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Logging;

            namespace Synthetic.Area{{index % 20}};

            public {{(WithLlmTelemetry ? "partial " : "")}}class Assistant{{index}}(IChatClient chat, ILogger<Assistant{{index}}> logger)
            {
                private readonly IChatClient _chat = chat;
                private readonly ILogger _logger = logger;

            """);
        for (int j = 0; j < MethodsPerFile; j++)
        {
            string declaration = WithLlmTelemetry
                ? $"""
                    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
                        public partial Task<ChatResponse> Ask{j}Async([Prompt] string question, CancellationToken cancellationToken = default);
                    """
                : $"public Task<ChatResponse> Ask{j}Async(string question, CancellationToken cancellationToken = default) => Ask{j}CoreAsync(question, cancellationToken);";
            string promptLog = LogsStrings ? "\n        _logger.LogDebug(\"Prompt {Prompt}\", LlmContent.Redact(question));" : "";
            string modelLog = LogsStrings ? "\n        string model = response.ModelId ?? \"unknown\";\n        _logger.LogDebug(\"Answered by {Model}\", model);" : "";
            string helperLog = LogsHelperResult ? $"\n        string summary = Summary{j}(response);\n        _logger.LogDebug(\"Summary {{Summary}}\", summary);" : "";
            string overwrittenLog = LogsOverwrittenText ? "\n        string note = response.Text;\n        note = \"answered\";\n        _logger.LogDebug(\"Note {Note}\", note);" : "";
            string branchLog = LogsTextOverwrittenOnEachBranch
                ? "\n        string note = response.Text;\n        if (response.Messages.Count > 1)\n        {\n            note = \"several messages\";\n        }\n        else\n        {\n            note = \"one message\";\n        }\n\n        _logger.LogDebug(\"Note {Note}\", note);"
                : "";
            string helper = LogsHelperResult
                ? $"\n\n    private static string Summary{j}(ChatResponse response) => (response.ModelId ?? \"unknown\") + \" in \" + response.Messages.Count + \" messages\";"
                : "";
            string answeredLog = LoggerMessages
                ? $"Log{index}.Answered{j}(_logger, response.Usage?.OutputTokenCount);"
                : "_logger.LogInformation(\"Answered with {Tokens} tokens\", response.Usage?.OutputTokenCount);";
            text.Append($$"""

                    {{declaration}}

                    private async Task<ChatResponse> Ask{{j}}CoreAsync(string question, CancellationToken cancellationToken)
                    {
                        _logger.LogInformation("Asking {Length} characters", question.Length);{{promptLog}}
                        ChatResponse response = await _chat.GetResponseAsync(question, cancellationToken: cancellationToken);
                        {{answeredLog}}{{modelLog}}{{helperLog}}{{overwrittenLog}}{{branchLog}}
                        return response;
                    }{{helper}}

                    public string Describe{{j}}(int count, string name)
                    {
                        var parts = new System.Collections.Generic.List<string>();
                        for (int k = 0; k < count; k++) { parts.Add(name + k.ToString()); }
                        _logger.LogDebug("Described {Count} in {{(j == 0 ? marker : 0)}}", parts.Count);
                        return string.Join(",", parts);
                    }

                """);
        }

        text.Append("}\n");
        if (LoggerMessages)
        {
            text.Append($"\ninternal static partial class Log{index}\n{{\n");
            for (int j = 0; j < MethodsPerFile; j++)
            {
                text.Append($"    [LoggerMessage(EventId = {j}, Level = LogLevel.Information, Message = \"Answered with {{Tokens}} tokens\")]\n");
                text.Append($"    public static partial void Answered{j}(ILogger logger, long? tokens);\n");
            }

            text.Append("}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the project to disk for the csc measurement (<c>run.sh</c>), outside the repository's build props, in
    /// <paramref name="form"/> (see <see cref="ProjectForm"/>).
    /// </summary>
    public void WriteTo(string directory, string repositoryRoot, ProjectForm form = ProjectForm.AsShipped)
    {
        bool hasForm = form switch
        {
            ProjectForm.AnalyzersOff => WithLlmTelemetry,
            ProjectForm.GeneratedCodeAsSources => WithLlmTelemetry || LoggerMessages,
            _ => true,
        };
        if (!hasForm)
        {
            throw new System.ArgumentException($"This project has no {form} form: it has no LlmTelemetry{(form == ProjectForm.GeneratedCodeAsSources ? " and no [LoggerMessage] methods" : "")}.", nameof(form));
        }

        Directory.CreateDirectory(Path.Combine(directory, "Code"));
        string analyzer = WithLlmTelemetry && form != ProjectForm.GeneratedCodeAsSources
            ? $"""<ProjectReference Include="{repositoryRoot}/src/LlmTelemetry.Generators/LlmTelemetry.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />"""
            : "";
        string analyzersOff = form == ProjectForm.AnalyzersOff ? $"""<GlobalAnalyzerConfigFiles Include="{AnalyzersOffConfig}" />""" : "";
        // The calibration's plain form: run.sh copies the logging generator's output beside the sources.
        string loggingGenerator = form == ProjectForm.GeneratedCodeAsSources && LoggerMessages
            ? "<DisableMicrosoftExtensionsLoggingSourceGenerator>true</DisableMicrosoftExtensionsLoggingSourceGenerator>"
            : "";
        System.IO.File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <NoWarn>$(NoWarn);LLMT1001;LLMT1002;LLMT2001;LLMT2002;CS1998</NoWarn>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                {loggingGenerator}
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repositoryRoot}/src/LlmTelemetry/LlmTelemetry.csproj" />
                {analyzer}
                {analyzersOff}
                <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
              </ItemGroup>
            </Project>
            """);
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            System.IO.File.WriteAllText(Path.Combine(directory, name), "<Project />\n");
        }

        foreach ((string path, string source) in Sources())
        {
            System.IO.File.WriteAllText(Path.Combine(directory, path), source);
        }

        if (form == ProjectForm.AnalyzersOff)
        {
            System.IO.File.WriteAllText(Path.Combine(directory, AnalyzersOffConfig), AnalyzersOffConfigText());
        }
        else if (form == ProjectForm.GeneratedCodeAsSources && WithLlmTelemetry)
        {
            WriteGeneratedCode(Path.Combine(directory, "Generated"));
        }
    }

    private const string AnalyzersOffConfig = "LlmTelemetryAnalyzersOff.globalconfig";

    // csc skips an analyzer all of whose diagnostics are turned off, so this leaves the generator running alone.
    private static string AnalyzersOffConfigText()
    {
        var text = new StringBuilder("is_global = true\n");
        foreach (string id in SyntheticCompilation.Analyzers.SelectMany(static analyzer => analyzer.SupportedDiagnostics).Select(static d => d.Id).Distinct().OrderBy(static id => id, System.StringComparer.Ordinal))
        {
            text.Append("dotnet_diagnostic.").Append(id).Append(".severity = none\n");
        }

        return text.ToString();
    }

    // The generator run in process over the same sources writes what csc's run of it would add to the compilation.
    private void WriteGeneratedCode(string directory)
    {
        GeneratorRunResult run = SyntheticCompilation.CreateDriver().RunGenerators(SyntheticCompilation.Create(this)).GetRunResult().Results.Single();
        if (run.Exception is not null || run.Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new System.InvalidOperationException($"The generator failed on the synthetic project: {run.Exception?.ToString() ?? string.Join("\n", run.Diagnostics)}");
        }

        Directory.CreateDirectory(directory);
        foreach (GeneratedSourceResult source in run.GeneratedSources)
        {
            System.IO.File.WriteAllText(Path.Combine(directory, source.HintName), source.SourceText.ToString());
        }
    }
}

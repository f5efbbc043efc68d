using System;
using System.IO;
using System.Text.Json;

namespace LlmTelemetry.Scan;

/// <summary>
/// The child process's side (<c>--one &lt;project&gt; --result &lt;file&gt;</c>): analyse one project and write its
/// <see cref="ProjectResult"/> as JSON. If this process dies, the missing file and the exit code tell the parent.
/// </summary>
internal static class ProjectWorker
{
    public static int Run(ScanArguments arguments)
    {
        ScanProject project = ProjectDiscovery.One(arguments.Folder, arguments.OneProject!);
        AnalyzerAssembly analyzers = AnalyzerAssembly.Load(arguments.AnalyzersPath ?? AnalyzerAssembly.DefaultPath, arguments.OnlyAnalyzers);
        WarmUp.Run(analyzers);
        ProjectResult result = ProjectAnalysis.RunAsync(arguments.Folder, project, analyzers, TimeSpan.FromSeconds(arguments.TimeoutSeconds))
            .GetAwaiter().GetResult();

        string temporary = arguments.ResultFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(result, ResultJson.Options));
        File.Move(temporary, arguments.ResultFile!, overwrite: true);
        return 0;
    }
}

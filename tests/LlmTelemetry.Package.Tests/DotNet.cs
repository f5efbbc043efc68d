using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace LlmTelemetry.Package.Tests;

/// <summary>Runs the <c>dotnet</c> CLI (or <c>git</c>) as a user would, and fails with its output when it fails.</summary>
internal static class DotNet
{
    public static Task<string> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, environment, arguments);

    public static Task<string> GitAsync(string workingDirectory, params string[] arguments) =>
        RunProgramAsync("git", workingDirectory, null, arguments);

    private static async Task<string> RunProgramAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The consumer must see nothing of this repository's build settings.
        start.Environment.Remove("MSBuildExtensionsPath");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(5))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 5 minutes.");
        }

        string text = new StringBuilder().Append(await output).Append(await error).ToString();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        }

        return text;
    }
}

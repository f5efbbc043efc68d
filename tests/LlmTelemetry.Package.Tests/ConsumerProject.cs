using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace LlmTelemetry.Package.Tests;

/// <summary>A new user's project: <c>dotnet new console</c> in a temporary folder that restores LlmTelemetry from the test feed.</summary>
internal sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string folder) => Folder = folder;

    public string Folder { get; }

    public static async Task<ConsumerProject> CreateAsync(string name, PackageFixture package)
    {
        var project = new ConsumerProject(Path.Combine(Path.GetTempPath(), "llmtelemetry-" + name.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(project.Folder);
        await project.RunAsync("new", "console", "--name", name, "--output", project.Folder);
        await package.WriteNuGetConfigAsync(project.Folder);
        await project.RunAsync("add", "package", "LlmTelemetry", "--version", package.Version);
        return project;
    }

    public Task<string> RunAsync(params string[] arguments) => DotNet.RunAsync(Folder, null, arguments);

    public Task<string> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) => DotNet.RunAsync(Folder, environment, arguments);

    /// <summary>Adds <paramref name="package"/> at the version this repository pins for it.</summary>
    public Task<string> AddPackageAsync(string package) => RunAsync("add", "package", package, "--version", CentralPackageVersions.Of(package));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace LlmTelemetry.Package.Tests;

/// <summary>Packs LlmTelemetry once into a folder feed, with a version no NuGet cache has seen.</summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Feed { get; } = Path.Combine(Path.GetTempPath(), "llmtelemetry-feed-" + Guid.NewGuid().ToString("N"));

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;

    public string Nupkg => Path.Combine(Feed, $"LlmTelemetry.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        string project = Path.Combine(RepositoryRoot(), "src", "LlmTelemetry", "LlmTelemetry.csproj");
        await DotNet.RunAsync(RepositoryRoot(), null, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Feed, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generators.sln was not found above the test output directory.");
    }
}

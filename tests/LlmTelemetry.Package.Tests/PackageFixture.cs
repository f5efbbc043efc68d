using System;
using System.IO;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Shared;
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
        string project = Path.Combine(RepositoryPaths.Root, "src", "LlmTelemetry", "LlmTelemetry.csproj");
        await DotNet.RunAsync(RepositoryPaths.Root, null, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
    }

    /// <summary>A <c>nuget.config</c> in <paramref name="directory"/> that adds the feed to the user's sources.</summary>
    public Task WriteNuGetConfigAsync(string directory) =>
        File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="llmtelemetry-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

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
}

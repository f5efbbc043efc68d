using System;
using System.IO;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Shared;

namespace LlmTelemetry.Package.Tests;

/// <summary>A clone of this repository in a temporary folder, for tests that pack from a clone or change its history.</summary>
internal sealed class TemporaryClone : IDisposable
{
    private TemporaryClone(string path) => Path = path;

    public string Path { get; }

    public static async Task<TemporaryClone> CreateAsync(string name)
    {
        var clone = new TemporaryClone(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N")));
        await DotNet.GitAsync(System.IO.Path.GetTempPath(), "clone", "--quiet", RepositoryPaths.Root, clone.Path);
        return clone;
    }

    public void Dispose()
    {
        try
        {
            Delete();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // git marks its object files read-only.
    private void Delete()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Path, recursive: true);
    }
}

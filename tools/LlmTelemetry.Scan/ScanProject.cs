using System.Collections.Generic;

namespace LlmTelemetry.Scan;

/// <summary>
/// One compilation to analyse: a project file and the .cs files under its folder, or a folder of .cs files that no
/// project owns (<see cref="ProjectFile"/> null).
/// </summary>
/// <param name="Path">The project file, or the folder of loose sources.</param>
/// <param name="Name"><see cref="Path"/> relative to the scanned folder, for reports.</param>
internal sealed record ScanProject(string Path, string Name, IReadOnlyList<string> Sources)
{
    public string? ProjectFile => Path.EndsWith(".csproj", System.StringComparison.OrdinalIgnoreCase) ? Path : null;

    public string Directory => ProjectFile is null ? Path : System.IO.Path.GetDirectoryName(Path)!;
}

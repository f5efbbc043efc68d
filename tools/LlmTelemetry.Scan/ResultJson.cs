using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmTelemetry.Scan;

/// <summary>How a <see cref="ProjectResult"/> travels from the child process to the parent (and into results.json).</summary>
internal static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}

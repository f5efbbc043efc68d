using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LlmTelemetry.Tests.Shared;

namespace LlmTelemetry.Tests.Infrastructure;

/// <summary>
/// The GenAI semantic-conventions digests beside the repository, the references every emitted name is checked against:
/// the baseline (<c>../shared/reference/genai-semconv.json</c>) and v0.1.0 (<c>genai-semconv-v0.1.json</c> in the same folder).
/// </summary>
public sealed class SemanticConventionsReference
{
    public const string PathVariable = "LLMT_SEMCONV_REFERENCE";

    /// <summary>Where the v0.1.0 digest is when it is not beside the baseline one.</summary>
    public const string V0_1PathVariable = "LLMT_SEMCONV_V0_1_REFERENCE";

    private static readonly Lazy<SemanticConventionsReference> s_instance = new(static () => Load(BaselinePath(), PathVariable));
    private static readonly Lazy<SemanticConventionsReference> s_v0_1 = new(static () => Load(
        Environment.GetEnvironmentVariable(V0_1PathVariable) ?? Path.Combine(Path.GetDirectoryName(BaselinePath())!, "genai-semconv-v0.1.json"),
        V0_1PathVariable));

    private readonly JsonElement _root;

    private SemanticConventionsReference(JsonElement root) => _root = root;

    /// <summary>The baseline digest.</summary>
    public static SemanticConventionsReference Instance => s_instance.Value;

    /// <summary>The v0.1.0 digest.</summary>
    public static SemanticConventionsReference V0_1 => s_v0_1.Value;

    /// <summary>The span definition (by key, for example <c>inference</c>) an operation name maps to.</summary>
    public JsonElement SpanFor(string operationName)
    {
        string key = _root.GetProperty("operation_to_span_keys").GetProperty(operationName)[0].GetString()!;
        return _root.GetProperty("spans").GetProperty(key);
    }

    public JsonElement Metric(string name) => _root.GetProperty("metrics").GetProperty(name);

    /// <summary>The event definition by event name, for example <c>gen_ai.evaluation.result</c>.</summary>
    public JsonElement Event(string name) => _root.GetProperty("events").GetProperty(name);

    /// <summary>The content part shapes, by part type, with their required fields.</summary>
    public JsonElement ContentParts => _root.GetProperty("content_capture").GetProperty("parts");

    public IReadOnlyList<string> ContentAttributes =>
        _root.GetProperty("content_capture").GetProperty("opt_in_attributes").EnumerateArray().Select(static e => e.GetString()!).ToList();

    public static IReadOnlyDictionary<string, JsonElement> Attributes(JsonElement definition) =>
        definition.GetProperty("attributes").EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value);

    private static string BaselinePath() => Environment.GetEnvironmentVariable(PathVariable) ?? DefaultPath();

    private static SemanticConventionsReference Load(string path, string variable)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The GenAI semantic-conventions reference was not found at '{path}'. It lives in ../shared/reference beside the repository; set {variable} to point elsewhere.",
                path);
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return new SemanticConventionsReference(document.RootElement.Clone());
    }

    private static string DefaultPath() =>
        Path.GetFullPath(RepositoryPaths.Combine("..", "shared", "reference", "genai-semconv.json"));
}

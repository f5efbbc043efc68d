using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>
/// A span as a backend shows it, read from the dashboard's OTLP JSON or from what the app's in-process exporter wrote:
/// the two are compared field by field. Attribute values are text (the dashboard keeps them so); value types are the
/// in-memory tests' business.
/// </summary>
internal sealed record ExportedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    bool Failed,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<ExportedEvent> Events,
    IReadOnlyList<(string TraceId, string SpanId)> Links)
{
    /// <summary>The spans of every resource in a <c>/api/telemetry/traces</c> answer.</summary>
    public static List<ExportedSpan> FromDashboard(JsonElement answer)
    {
        var spans = new List<ExportedSpan>();
        foreach (JsonElement resource in Array(answer.GetProperty("data"), "resourceSpans"))
        {
            foreach (JsonElement scope in Array(resource, "scopeSpans"))
            {
                foreach (JsonElement span in Array(scope, "spans"))
                {
                    spans.Add(new ExportedSpan(
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out JsonElement parent) && parent.GetString() is { Length: > 0 } parentId ? parentId : null,
                        span.GetProperty("name").GetString()!,
                        span.GetProperty("kind").GetInt32(),
                        span.TryGetProperty("status", out JsonElement status) && status.TryGetProperty("code", out JsonElement code) && code.GetInt32() == 2,
                        DashboardAttributes(span),
                        Array(span, "events").Select(static e => new ExportedEvent(e.GetProperty("name").GetString()!, DashboardAttributes(e))).ToList(),
                        Array(span, "links").Select(static l => (l.GetProperty("traceId").GetString()!, l.GetProperty("spanId").GetString()!)).ToList()));
                }
            }
        }

        return spans;
    }

    /// <summary>What the app's in-process exporter recorded (OtlpApp/Program.cs writes it).</summary>
    public static List<ExportedSpan> FromApp(JsonElement recorded) =>
        recorded.EnumerateArray().Select(static span => new ExportedSpan(
            span.GetProperty("TraceId").GetString()!,
            span.GetProperty("SpanId").GetString()!,
            span.GetProperty("ParentSpanId").GetString(),
            span.GetProperty("Name").GetString()!,
            span.GetProperty("Kind").GetInt32(),
            span.GetProperty("Failed").GetBoolean(),
            AppAttributes(span.GetProperty("Attributes")),
            span.GetProperty("Events").EnumerateArray().Select(static e => new ExportedEvent(e.GetProperty("Name").GetString()!, AppAttributes(e.GetProperty("Attributes")))).ToList(),
            span.GetProperty("Links").EnumerateArray().Select(static l => (l.GetProperty("TraceId").GetString()!, l.GetProperty("SpanId").GetString()!)).ToList())).ToList();

    /// <summary>
    /// Whether two attribute values are the same value: the same text, the same number (<c>2</c> and <c>2.0</c>), the
    /// same flag, or the same JSON array.
    /// </summary>
    public static bool SameValue(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
        {
            return x == y;
        }

        if (bool.TryParse(expected, out bool p) && bool.TryParse(actual, out bool q))
        {
            return p == q;
        }

        try
        {
            using JsonDocument left = JsonDocument.Parse(expected), right = JsonDocument.Parse(actual);
            return JsonElement.DeepEquals(left.RootElement, right.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : Enumerable.Empty<JsonElement>();

    // OTLP JSON: [{ "key": …, "value": { "stringValue" | "intValue" | "doubleValue" | "boolValue" | "arrayValue": … } }]
    private static Dictionary<string, string> DashboardAttributes(JsonElement owner) =>
        Array(owner, "attributes").ToDictionary(static a => a.GetProperty("key").GetString()!, static a => AnyValue(a.GetProperty("value")));

    private static string AnyValue(JsonElement value)
    {
        foreach (JsonProperty property in value.EnumerateObject())
        {
            return property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                _ => property.Value.GetRawText(),
            };
        }

        return "";
    }

    private static Dictionary<string, string> AppAttributes(JsonElement attributes) =>
        attributes.EnumerateArray().ToDictionary(static a => a.GetProperty("Key").GetString()!, static a => a.GetProperty("Value").GetString()!);
}

internal sealed record ExportedEvent(string Name, IReadOnlyDictionary<string, string> Attributes);

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using OpenTelemetry.Metrics;
using Xunit;

namespace LlmTelemetry.Tests.Infrastructure;

/// <summary>
/// Spans, span events and metrics held against a semantic-conventions digest: the baseline's or v0.1.0's, whichever
/// release the test project's generated code emits.
/// </summary>
internal static class ReferenceAssertions
{
    /// <summary>
    /// Every attribute on the span is defined for its operation's span in the reference, with the reference's type; every
    /// required attribute is present; name and kind are the reference's; <c>error.type</c> is there exactly when it failed.
    /// </summary>
    public static void Span(Activity span, SemanticConventionsReference reference)
    {
        string operation = (string)span.GetTagItem("gen_ai.operation.name")!;
        JsonElement definition = reference.SpanFor(operation);
        IReadOnlyDictionary<string, JsonElement> attributes = SemanticConventionsReference.Attributes(definition);

        Assert.Equal(definition.GetProperty("kind").GetString(), span.Kind.ToString().ToUpperInvariant());
        string model = span.GetTagItem("gen_ai.request.model") as string ?? string.Empty;
        string dataSource = span.GetTagItem("gen_ai.data_source.id") as string ?? string.Empty;
        string expectedName = definition.GetProperty("name_format").GetString()!
            .Replace("{gen_ai.operation.name}", operation)
            .Replace("{gen_ai.request.model}", model)
            .Replace("{gen_ai.data_source.id}", dataSource)
            .Trim();
        Assert.Equal(expectedName, span.DisplayName);

        foreach (KeyValuePair<string, object?> tag in span.TagObjects)
        {
            if (tag.Key.StartsWith("llm_telemetry.", StringComparison.Ordinal))
            {
                continue; // LlmTelemetry's own, documented attributes, outside the conventions' namespace
            }

            Assert.True(attributes.TryGetValue(tag.Key, out JsonElement attribute), $"'{tag.Key}' is not an attribute of the '{operation}' span in the reference.");
            string type = attribute.GetProperty("type").GetString()!;
            Assert.True(HasReferenceType(tag.Value, type), $"'{tag.Key}' is {tag.Value?.GetType().Name ?? "null"}, the reference says {type}.");
        }

        foreach ((string name, JsonElement attribute) in attributes)
        {
            if (attribute.GetProperty("requirement").GetString() == "required")
            {
                Assert.True(span.GetTagItem(name) is not null, $"Required attribute '{name}' is missing.");
            }
        }

        bool failed = span.Status == ActivityStatusCode.Error;
        Assert.Equal(failed, span.GetTagItem("error.type") is not null);
    }

    /// <summary>A span event the reference defines: its name is a reference event and each attribute is one of its, with its type.</summary>
    public static void Event(ActivityEvent spanEvent, SemanticConventionsReference reference)
    {
        JsonElement definition = reference.Event(spanEvent.Name);
        IReadOnlyDictionary<string, JsonElement> attributes = SemanticConventionsReference.Attributes(definition);
        foreach (KeyValuePair<string, object?> tag in spanEvent.Tags)
        {
            Assert.True(attributes.TryGetValue(tag.Key, out JsonElement attribute), $"'{tag.Key}' is not an attribute of event '{spanEvent.Name}' in the reference.");
            string type = attribute.GetProperty("type").GetString()!;
            Assert.True(HasReferenceType(tag.Value, type), $"'{tag.Key}' of '{spanEvent.Name}' is {tag.Value?.GetType().Name ?? "null"}, the reference says {type}.");
        }

        foreach ((string name, JsonElement attribute) in attributes)
        {
            if (attribute.GetProperty("requirement").GetString() == "required")
            {
                Assert.True(spanEvent.Tags.Any(t => t.Key == name), $"Required attribute '{name}' of event '{spanEvent.Name}' is missing.");
            }
        }
    }

    /// <summary>Name, unit, instrument kind, advised buckets and attribute names are those of the reference.</summary>
    public static void Metric(Metric metric, SemanticConventionsReference reference)
    {
        JsonElement definition = reference.Metric(metric.Name);
        Assert.Equal(definition.GetProperty("unit").GetString(), metric.Unit);
        string instrument = definition.GetProperty("instrument").GetString()!;
        switch (instrument)
        {
            case "histogram":
                Assert.True(metric.MetricType is MetricType.Histogram or MetricType.ExponentialHistogram, $"'{metric.Name}' is a {metric.MetricType}, the reference says histogram.");
                break;
            case "counter":
                Assert.True(metric.MetricType is MetricType.LongSum or MetricType.DoubleSum, $"'{metric.Name}' is a {metric.MetricType}, the reference says counter.");
                break;
            default:
                Assert.Fail($"'{metric.Name}' is a {instrument} in the reference, which LlmTelemetry does not emit.");
                break;
        }

        double[]? expectedBuckets = definition.GetProperty("buckets").ValueKind == JsonValueKind.Array
            ? definition.GetProperty("buckets").EnumerateArray().Select(static b => b.GetDouble()).ToArray()
            : null;
        IReadOnlyDictionary<string, JsonElement> attributes = SemanticConventionsReference.Attributes(definition);
        foreach (MetricPoint point in TelemetryCapture.Points(metric))
        {
            if (instrument == "histogram")
            {
                Assert.Equal(expectedBuckets, BucketBounds(point));
            }

            Dictionary<string, object?> tags = TelemetryCapture.Tags(point);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                Assert.True(attributes.TryGetValue(tag.Key, out JsonElement attribute), $"'{tag.Key}' is not an attribute of '{metric.Name}' in the reference.");
                string type = attribute.GetProperty("type").GetString()!;
                Assert.True(HasReferenceType(tag.Value, type), $"'{tag.Key}' of '{metric.Name}' is {tag.Value?.GetType().Name ?? "null"}, the reference says {type}.");
            }

            foreach ((string name, JsonElement attribute) in attributes)
            {
                if (attribute.GetProperty("requirement").GetString() == "required")
                {
                    Assert.True(tags.ContainsKey(name), $"Required attribute '{name}' of '{metric.Name}' is missing.");
                }
            }
        }
    }

    public static bool HasReferenceType(object? value, string type) => type switch
    {
        "string" => value is string,
        "int" => value is int or long,
        "double" => value is double,
        "boolean" => value is bool,
        "string[]" => value is string[],
        "any" => value is string json && IsJsonArray(json),
        _ => false,
    };

    public static double[] BucketBounds(MetricPoint point)
    {
        var bounds = new List<double>();
        foreach (HistogramBucket bucket in point.GetHistogramBuckets())
        {
            if (!double.IsPositiveInfinity(bucket.ExplicitBound))
            {
                bounds.Add(bucket.ExplicitBound);
            }
        }

        return bounds.ToArray();
    }

    private static bool IsJsonArray(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array;
    }
}

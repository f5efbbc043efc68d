using System.Diagnostics;
using System.Globalization;
using OpenTelemetry;

namespace SupportBot.Console;

/// <summary>Collects finished spans and draws each trace as a tree with durations, tokens and errors.</summary>
public sealed class TraceTreeWriter : BaseProcessor<Activity>
{
    private readonly List<Activity> _spans = new();

    public override void OnEnd(Activity activity)
    {
        lock (_spans)
        {
            _spans.Add(activity);
        }
    }

    public void Write(TextWriter output)
    {
        List<Activity> spans;
        lock (_spans)
        {
            spans = _spans.ToList();
            _spans.Clear();
        }

        foreach (Activity root in spans.Where(s => spans.All(p => p.SpanId != s.ParentSpanId)).OrderBy(s => s.StartTimeUtc))
        {
            WriteSpan(output, root, spans, indent: string.Empty, last: true, isRoot: true);
        }
    }

    private static void WriteSpan(TextWriter output, Activity span, List<Activity> spans, string indent, bool last, bool isRoot)
    {
        string branch = isRoot ? string.Empty : last ? "└─ " : "├─ ";
        string status = span.Status == ActivityStatusCode.Error ? $"  ✗ {span.GetTagItem("error.type")}" : string.Empty;
        string label = indent + branch + span.DisplayName;
        output.WriteLine($"{label,-36} {span.Duration.TotalMilliseconds,7:0.0} ms{Details(span)}{status}");

        List<Activity> children = spans.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
        string childIndent = indent + (isRoot ? string.Empty : last ? "   " : "│  ");
        for (int i = 0; i < children.Count; i++)
        {
            WriteSpan(output, children[i], spans, childIndent, i == children.Count - 1, isRoot: false);
        }
    }

    private static string Details(Activity span)
    {
        var parts = new List<string>();
        if (span.GetTagItem("gen_ai.usage.input_tokens") is { } input)
        {
            parts.Add($"tokens {input}→{span.GetTagItem("gen_ai.usage.output_tokens")}");
        }

        if (span.GetTagItem("gen_ai.response.time_to_first_chunk") is double firstChunk)
        {
            parts.Add("first chunk " + (firstChunk * 1000).ToString("0.0", CultureInfo.InvariantCulture) + " ms");
        }

        if (span.GetTagItem("llm_telemetry.retrieval.document_count") is int documents)
        {
            parts.Add($"{documents} document(s)" + (span.GetTagItem("llm_telemetry.retrieval.best_score") is double best ? $", best score {best.ToString("0.00", CultureInfo.InvariantCulture)}" : string.Empty));
        }

        foreach (ActivityEvent evaluation in span.Events.Where(e => e.Name == "gen_ai.evaluation.result"))
        {
            var tags = evaluation.Tags.ToDictionary(t => t.Key, t => t.Value);
            parts.Add($"{tags["gen_ai.evaluation.name"]} {tags.GetValueOrDefault("gen_ai.evaluation.score.value")} ({tags.GetValueOrDefault("gen_ai.evaluation.score.label")})");
        }

        if (span.GetTagItem("gen_ai.response.model") is string model)
        {
            parts.Add(model);
        }

        return parts.Count == 0 ? string.Empty : "  " + string.Join(", ", parts);
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// The baseline release (semantic-conventions-genai <c>fe5608e</c>, 2026-08-03), what Microsoft.Extensions.AI emits:
/// <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c> for every operation, retrieval spans of
/// kind Client named by their data source, the exception as the span's standard <c>exception</c> event.
/// </summary>
/// <remarks>Used by generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BaselineConventions : GenAiConventionSet
{
    private BaselineConventions()
    {
    }

    /// <summary>The one instance, for descriptors.</summary>
    public static BaselineConventions Instance { get; } = new();

    /// <summary>Whether anything listens to a call: a span listener, or the duration or token-usage histogram.</summary>
    public static bool IsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => LlmTelemetryInstruments.Source.HasListeners() || ClientOperationInstruments.Duration.Enabled || BaselineInstruments.TokenUsage.Enabled;
    }

    /// <summary>Whether anything listens to a streamed call: the above, or a listener on the per-chunk histograms alone.</summary>
    public static bool IsStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsEnabled || BaselineInstruments.TimeToFirstChunk.Enabled || BaselineInstruments.TimePerOutputChunk.Enabled;
    }

    internal override string UsageCacheWriteInputTokensAttribute => GenAiSemanticConventions.Baseline.Attributes.UsageCacheCreationInputTokens;

    internal override bool OmitsZeroUsageParts => false;

    internal override ActivityKind SpanKind(OperationFamily family) => ActivityKind.Client;

    internal override string SpanName(string operationName, OperationFamily family, string? model, string? dataSourceId) =>
        OperationAndTarget(operationName, family == OperationFamily.Retrieval ? dataSourceId : model);

    internal override void RecordException(Activity activity, Exception exception, OperationFamily family) => activity.AddException(exception);

    internal override void RecordMetrics(in LlmOperationScope scope, double durationSeconds)
    {
        if (ClientOperationInstruments.Duration.Enabled)
        {
            ClientOperationInstruments.Duration.Record(durationSeconds, scope.MetricTags(includeError: true));
        }

        long? input = scope.InputTokens;
        long? output = scope.OutputTokens;
        if (!BaselineInstruments.TokenUsage.Enabled || (input is null && output is null))
        {
            return;
        }

        TagList tags = scope.MetricTags(includeError: false);
        if (input is long inputTokens)
        {
            tags.Add(GenAiSemanticConventions.Baseline.Attributes.TokenType, GenAiSemanticConventions.Baseline.TokenTypes.Input);
            BaselineInstruments.TokenUsage.Record(inputTokens, tags);
        }

        if (output is long outputTokens)
        {
            var outputType = new KeyValuePair<string, object?>(GenAiSemanticConventions.Baseline.Attributes.TokenType, GenAiSemanticConventions.Baseline.TokenTypes.Output);
            if (input is null)
            {
                tags.Add(outputType);
            }
            else
            {
                tags[tags.Count - 1] = outputType;
            }

            BaselineInstruments.TokenUsage.Record(outputTokens, tags);
        }
    }

    internal override bool MeasuresEachChunk(OperationFamily family) => BaselineInstruments.TimePerOutputChunk.Enabled;

    internal override void RecordTimeToFirstChunk(in LlmOperationScope scope, double seconds)
    {
        if (BaselineInstruments.TimeToFirstChunk.Enabled)
        {
            BaselineInstruments.TimeToFirstChunk.Record(seconds, scope.MetricTags(includeError: false));
        }
    }

    internal override void RecordTimePerOutputChunk(in LlmOperationScope scope, double seconds)
    {
        if (BaselineInstruments.TimePerOutputChunk.Enabled)
        {
            BaselineInstruments.TimePerOutputChunk.Record(seconds, scope.MetricTags(includeError: false));
        }
    }
}

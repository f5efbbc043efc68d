using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Release v0.1.0 of semantic-conventions-genai: inference records <c>gen_ai.client.inference.duration</c>, the
/// <c>gen_ai.client.inference.usage.*</c> counters and <c>gen_ai.client.inference.operation.*</c> histograms (a failed call
/// too, with 0); embeddings their own duration and input-token histogram; retrieval spans are Internal and named by the
/// operation alone; an inference's exception is a <c>gen_ai.client.inference.exception</c> event.
/// </summary>
/// <remarks>
/// <para>Not recorded, because v0.1.0's definition could not be confirmed: <c>gen_ai.retrieval.duration</c>, and the
/// per-modality usage attributes (no mapped result type reports a breakdown, so every counter carries
/// <c>gen_ai.token.modality</c> <c>unknown</c>).</para>
/// <para>Used by generated code; not meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class V0_1Conventions : GenAiConventionSet
{
    private V0_1Conventions()
    {
    }

    /// <summary>The one instance, for descriptors.</summary>
    public static V0_1Conventions Instance { get; } = new();

    /// <summary>Whether anything listens to an inference: a span listener, or any of its duration, usage and per-operation token instruments.</summary>
    public static bool IsInferenceEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => LlmTelemetryInstruments.Source.HasListeners()
            || V0_1InferenceInstruments.Duration.Enabled
            || V0_1InferenceInstruments.UsageInputTokens.Enabled
            || V0_1InferenceInstruments.UsageOutputTokens.Enabled
            || V0_1InferenceInstruments.UsageCacheReadInputTokens.Enabled
            || V0_1InferenceInstruments.UsageCacheWriteInputTokens.Enabled
            || V0_1InferenceInstruments.UsageReasoningOutputTokens.Enabled
            || V0_1InferenceInstruments.OperationInputTokens.Enabled
            || V0_1InferenceInstruments.OperationOutputTokens.Enabled;
    }

    /// <summary>Whether anything listens to a streamed inference: the above, or a listener on the per-chunk histograms alone.</summary>
    public static bool IsInferenceStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsInferenceEnabled || V0_1InferenceInstruments.TimeToFirstChunk.Enabled || V0_1InferenceInstruments.TimePerOutputChunk.Enabled;
    }

    /// <summary>Whether anything listens to an embeddings call.</summary>
    public static bool IsEmbeddingsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => LlmTelemetryInstruments.Source.HasListeners() || V0_1EmbeddingsInstruments.Duration.Enabled || V0_1EmbeddingsInstruments.OperationInputTokens.Enabled;
    }

    /// <summary>Whether anything listens to a streamed embeddings call (no chunk metrics: the same as <see cref="IsEmbeddingsEnabled"/>).</summary>
    public static bool IsEmbeddingsStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsEmbeddingsEnabled;
    }

    /// <summary>Whether anything listens to a retrieval: a span listener (no v0.1.0 retrieval metric is recorded).</summary>
    public static bool IsRetrievalEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => LlmTelemetryInstruments.Source.HasListeners();
    }

    /// <summary>Whether anything listens to a streamed retrieval (the same as <see cref="IsRetrievalEnabled"/>).</summary>
    public static bool IsRetrievalStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsRetrievalEnabled;
    }

    /// <summary>Whether anything listens to an operation of another name: a span listener or <c>gen_ai.client.operation.duration</c>.</summary>
    public static bool IsOperationEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => LlmTelemetryInstruments.Source.HasListeners() || ClientOperationInstruments.Duration.Enabled;
    }

    /// <summary>Whether anything listens to a streamed operation of another name (the same as <see cref="IsOperationEnabled"/>).</summary>
    public static bool IsOperationStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsOperationEnabled;
    }

    internal override string UsageCacheWriteInputTokensAttribute => GenAiSemanticConventions.V0_1.Attributes.UsageCacheWriteInputTokens;

    // v0.1.0: cache read "When available and non-zero"; the other parts by the same rule (#548).
    internal override bool OmitsZeroUsageParts => true;

    internal override ActivityKind SpanKind(OperationFamily family) =>
        family == OperationFamily.Retrieval ? ActivityKind.Internal : ActivityKind.Client;

    internal override string SpanName(string operationName, OperationFamily family, string? model, string? dataSourceId) =>
        family == OperationFamily.Retrieval ? operationName : OperationAndTarget(operationName, model);

    internal override void RecordException(Activity activity, Exception exception, OperationFamily family)
    {
        if (family != OperationFamily.Inference)
        {
            activity.AddException(exception); // v0.1.0 renames only the inference exception event
            return;
        }

        var tags = new ActivityTagsCollection
        {
            { GenAiSemanticConventions.Attributes.ExceptionType, exception.GetType().FullName ?? exception.GetType().Name },
            { GenAiSemanticConventions.Attributes.ExceptionMessage, exception.Message },
            { GenAiSemanticConventions.Attributes.ExceptionStacktrace, exception.ToString() },
        };
        activity.AddEvent(new ActivityEvent(GenAiSemanticConventions.V0_1.Events.ClientInferenceException, tags: tags));
    }

    internal override void RecordMetrics(in LlmOperationScope scope, double durationSeconds)
    {
        switch (scope.Descriptor.Family)
        {
            case OperationFamily.Inference:
                RecordInference(in scope, durationSeconds);
                break;
            case OperationFamily.Embeddings:
                RecordDuration(V0_1EmbeddingsInstruments.Duration, in scope, durationSeconds);
                if (scope.InputTokens is long input && V0_1EmbeddingsInstruments.OperationInputTokens.Enabled)
                {
                    V0_1EmbeddingsInstruments.OperationInputTokens.Record(input, scope.MetricTags(includeError: false));
                }

                break;
            case OperationFamily.Retrieval:
                break; // gen_ai.retrieval.duration: its v0.1.0 instrument, unit and attributes are not confirmed
            default:
                RecordDuration(ClientOperationInstruments.Duration, in scope, durationSeconds);
                break;
        }
    }

    internal override bool MeasuresEachChunk(OperationFamily family) =>
        family == OperationFamily.Inference && V0_1InferenceInstruments.TimePerOutputChunk.Enabled;

    internal override void RecordTimeToFirstChunk(in LlmOperationScope scope, double seconds)
    {
        if (scope.Descriptor.Family == OperationFamily.Inference && V0_1InferenceInstruments.TimeToFirstChunk.Enabled)
        {
            V0_1InferenceInstruments.TimeToFirstChunk.Record(seconds, scope.MetricTags(includeError: false));
        }
    }

    internal override void RecordTimePerOutputChunk(in LlmOperationScope scope, double seconds)
    {
        if (scope.Descriptor.Family == OperationFamily.Inference && V0_1InferenceInstruments.TimePerOutputChunk.Enabled)
        {
            V0_1InferenceInstruments.TimePerOutputChunk.Record(seconds, scope.MetricTags(includeError: false));
        }
    }

    // Every inference is counted, a failed one too: the provider's count, or 0 when none arrived (#536). The counters carry
    // the modality and no error.type; the per-operation histograms carry error.type and no modality.
    private static void RecordInference(in LlmOperationScope scope, double durationSeconds)
    {
        RecordDuration(V0_1InferenceInstruments.Duration, in scope, durationSeconds);

        TagList usage = scope.MetricTags(includeError: false);
        usage.Add(GenAiSemanticConventions.V0_1.Attributes.TokenModality, GenAiSemanticConventions.V0_1.TokenModalities.Unknown);
        Count(V0_1InferenceInstruments.UsageInputTokens, scope.InputTokens, in usage);
        Count(V0_1InferenceInstruments.UsageOutputTokens, scope.OutputTokens, in usage);
        Count(V0_1InferenceInstruments.UsageCacheReadInputTokens, scope.CacheReadInputTokens, in usage);
        Count(V0_1InferenceInstruments.UsageCacheWriteInputTokens, scope.CacheWriteInputTokens, in usage);
        Count(V0_1InferenceInstruments.UsageReasoningOutputTokens, scope.ReasoningOutputTokens, in usage);

        if (V0_1InferenceInstruments.OperationInputTokens.Enabled || V0_1InferenceInstruments.OperationOutputTokens.Enabled)
        {
            TagList operation = scope.MetricTags(includeError: true);
            V0_1InferenceInstruments.OperationInputTokens.Record(scope.InputTokens ?? 0, operation);
            V0_1InferenceInstruments.OperationOutputTokens.Record(scope.OutputTokens ?? 0, operation);
        }
    }

    private static void RecordDuration(Histogram<double> duration, in LlmOperationScope scope, double seconds)
    {
        if (duration.Enabled)
        {
            duration.Record(seconds, scope.MetricTags(includeError: true));
        }
    }

    private static void Count(Counter<long> counter, long? tokens, in TagList tags)
    {
        if (counter.Enabled)
        {
            counter.Add(tokens ?? 0, tags);
        }
    }
}

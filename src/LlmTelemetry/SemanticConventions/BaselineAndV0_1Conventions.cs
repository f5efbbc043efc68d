using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// <c>both</c>, for a migration: every metric of the baseline and of v0.1.0, so that old and new dashboards read the same
/// calls; spans, which cannot carry two names, follow v0.1.0.
/// </summary>
/// <remarks>Used by generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BaselineAndV0_1Conventions : GenAiConventionSet
{
    private static readonly BaselineConventions s_baseline = BaselineConventions.Instance;
    private static readonly V0_1Conventions s_latest = V0_1Conventions.Instance;

    private BaselineAndV0_1Conventions()
    {
    }

    /// <summary>The one instance, for descriptors.</summary>
    public static BaselineAndV0_1Conventions Instance { get; } = new();

    /// <summary>Whether anything listens to an inference under either release.</summary>
    public static bool IsInferenceEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsEnabled || V0_1Conventions.IsInferenceEnabled;
    }

    /// <summary>Whether anything listens to a streamed inference under either release.</summary>
    public static bool IsInferenceStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsStreamEnabled || V0_1Conventions.IsInferenceStreamEnabled;
    }

    /// <summary>Whether anything listens to an embeddings call under either release.</summary>
    public static bool IsEmbeddingsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsEnabled || V0_1Conventions.IsEmbeddingsEnabled;
    }

    /// <summary>Whether anything listens to a streamed embeddings call under either release.</summary>
    public static bool IsEmbeddingsStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsStreamEnabled || V0_1Conventions.IsEmbeddingsEnabled;
    }

    /// <summary>Whether anything listens to a retrieval under either release.</summary>
    public static bool IsRetrievalEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsEnabled;
    }

    /// <summary>Whether anything listens to a streamed retrieval under either release.</summary>
    public static bool IsRetrievalStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsStreamEnabled;
    }

    /// <summary>Whether anything listens to an operation of another name under either release.</summary>
    public static bool IsOperationEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsEnabled;
    }

    /// <summary>Whether anything listens to a streamed operation of another name under either release.</summary>
    public static bool IsOperationStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsStreamEnabled;
    }

    internal override string UsageCacheWriteInputTokensAttribute => s_latest.UsageCacheWriteInputTokensAttribute;

    internal override bool OmitsZeroUsageParts => s_latest.OmitsZeroUsageParts;

    internal override ActivityKind SpanKind(OperationFamily family) => s_latest.SpanKind(family);

    internal override string SpanName(string operationName, OperationFamily family, string? model, string? dataSourceId) =>
        s_latest.SpanName(operationName, family, model, dataSourceId);

    internal override void RecordException(Activity activity, Exception exception, OperationFamily family) =>
        s_latest.RecordException(activity, exception, family);

    internal override void RecordMetrics(in LlmOperationScope scope, double durationSeconds)
    {
        s_baseline.RecordMetrics(in scope, durationSeconds);
        // v0.1.0 records other operations on gen_ai.client.operation.duration, which the baseline just recorded.
        if (scope.Descriptor.Family != OperationFamily.Other)
        {
            s_latest.RecordMetrics(in scope, durationSeconds);
        }
    }

    internal override bool MeasuresEachChunk(OperationFamily family) => s_baseline.MeasuresEachChunk(family) || s_latest.MeasuresEachChunk(family);

    internal override void RecordTimeToFirstChunk(in LlmOperationScope scope, double seconds)
    {
        s_baseline.RecordTimeToFirstChunk(in scope, seconds);
        s_latest.RecordTimeToFirstChunk(in scope, seconds);
    }

    internal override void RecordTimePerOutputChunk(in LlmOperationScope scope, double seconds)
    {
        s_baseline.RecordTimePerOutputChunk(in scope, seconds);
        s_latest.RecordTimePerOutputChunk(in scope, seconds);
    }
}

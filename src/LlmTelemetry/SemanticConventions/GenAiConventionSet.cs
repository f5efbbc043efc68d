using System;
using System.ComponentModel;
using System.Diagnostics;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// One release of the GenAI semantic conventions as LlmTelemetry records it: how spans are named and of what kind, the
/// usage attributes it renamed, how a failure's exception is written, and which metrics a call records.
/// </summary>
/// <remarks>
/// <para>The generator picks one at build time (the <c>LlmTelemetrySemanticConventions</c> MSBuild property) and names it
/// in each operation's descriptor and idle check; nothing looks at the version while a call runs. A newer release is one
/// more subclass here, with its names in a nested class of <see cref="GenAiSemanticConventions"/>.</para>
/// <para>Used by generated code; not meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GenAiConventionSet
{
    private protected GenAiConventionSet()
    {
    }

    /// <summary>The name of <c>gen_ai.usage.cache_creation.input_tokens</c> / <c>gen_ai.usage.cache_write.input_tokens</c>.</summary>
    internal abstract string UsageCacheWriteInputTokensAttribute { get; }

    /// <summary>Whether the parts of the token totals (cache read, cache write, reasoning) are left off a span when zero.</summary>
    internal abstract bool OmitsZeroUsageParts { get; }

    internal abstract ActivityKind SpanKind(OperationFamily family);

    internal abstract string SpanName(string operationName, OperationFamily family, string? model, string? dataSourceId);

    /// <summary>Writes the exception a call failed with on its span (status and <c>error.type</c> are already set).</summary>
    internal abstract void RecordException(Activity activity, Exception exception, OperationFamily family);

    /// <summary>Records the metrics of a call that ended, successfully or not.</summary>
    internal abstract void RecordMetrics(in LlmOperationScope scope, double durationSeconds);

    /// <summary>Whether a time per output chunk is recorded, so that a stream skips the clock on later chunks when not.</summary>
    internal abstract bool MeasuresEachChunk(OperationFamily family);

    internal abstract void RecordTimeToFirstChunk(in LlmOperationScope scope, double seconds);

    internal abstract void RecordTimePerOutputChunk(in LlmOperationScope scope, double seconds);

    /// <summary><c>{operation} {target}</c>, or the operation alone without a target.</summary>
    private protected static string OperationAndTarget(string operationName, string? target) =>
        string.IsNullOrEmpty(target) ? operationName : operationName + " " + target;
}

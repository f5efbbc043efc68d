using System;
using System.ComponentModel;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// What a guarded stream hands its guards: the evaluators, the input and how to read each chunk's text. Which guards
/// run is decided per enumeration, when its span starts.
/// </summary>
/// <typeparam name="TChunk">The stream's element type.</typeparam>
/// <remarks>Created by generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LlmGuardedStream<TChunk> : LlmGuardSet
{
    /// <summary>Describes the guarded stream.</summary>
    /// <param name="guards">The method's guards.</param>
    /// <param name="memberEvaluators">Evaluators read from instance members, by guard index; <see langword="null"/> entries use the guard's own.</param>
    /// <param name="input">The prompt or query text, if any.</param>
    /// <param name="request">The chat messages the call was sent, if it takes messages.</param>
    /// <param name="chunkText">Reads the generated text of a chunk, if chunks carry text.</param>
    public LlmGuardedStream(LlmGuardDescriptor[] guards, ILlmEvaluator?[]? memberEvaluators, string? input, object? request, Func<TChunk, string?>? chunkText)
        : base(guards, memberEvaluators, input, request)
    {
        ChunkText = chunkText;
    }

    internal Func<TChunk, string?>? ChunkText { get; }
}

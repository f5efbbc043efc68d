using System.ComponentModel;

namespace LlmTelemetry.Instrumentation;

/// <summary>Records request details (settings, prompt content) of one call on its scope.</summary>
/// <typeparam name="TState">The call's arguments that the recorder reads, usually a tuple.</typeparam>
/// <param name="scope">The scope of the call.</param>
/// <param name="state">The arguments.</param>
/// <remarks>Generated code passes a static lambda, so no delegate is allocated per call.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void LlmRequestRecorder<in TState>(ref LlmOperationScope scope, TState state);

/// <summary>Records what a result carries (tokens, response model, finish reasons, content) on the scope of its call.</summary>
/// <typeparam name="TResult">The result type, or the chunk type of a stream.</typeparam>
/// <param name="scope">The scope of the call.</param>
/// <param name="result">The result or chunk.</param>
/// <remarks>Generated code passes a static lambda, so no delegate is allocated per call.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void LlmResultRecorder<in TResult>(ref LlmOperationScope scope, TResult result);

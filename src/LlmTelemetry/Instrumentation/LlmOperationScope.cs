// Over 400 lines: one mutable struct, the whole per-call state generated code passes by ref, and the members it calls.
// What differs between convention releases lives in GenAiConventionSet and its subclasses, not here.
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Compliance.Classification;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// One model call in flight: its span (when sampled), its start time and what the call reported, until the
/// call ends and the span and metrics are recorded.
/// </summary>
/// <remarks>
/// <para>A mutable struct so that a call with only metrics listening allocates nothing. Generated code keeps it
/// in a local and passes it by <see langword="ref"/>; copies must not both be ended.</para>
/// <para>Nothing here throws into the caller: a failure inside telemetry is reported to the
/// <c>LlmTelemetry</c> event source and the call goes on.</para>
/// <para>Used by generated code; not meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct LlmOperationScope
{
    private static readonly object s_true = true;

    private readonly LlmOperationDescriptor? _descriptor;
    private readonly Activity? _activity;
    private readonly Activity? _previousActivity;
    private readonly string? _requestModel;
    private readonly long _startTimestamp;
    private readonly bool _captureContent;
    private string? _responseModel;
    private string? _responseId;
    private object? _finishReasons; // one string, or a List<string> when a call reports several
    // Which of the counts below were reported: one byte instead of a Nullable's flag (padded to 8 bytes) on each, for a
    // scope that a pending call or a stream keeps on the heap.
    private Reported _reported;
    private long _inputTokens;
    private long _outputTokens;
    private long _cacheReadInputTokens;
    private long _cacheWriteInputTokens;
    private long _reasoningOutputTokens;
    private int _embeddingDimensions;
    private int _documentCount;
    private double _bestScore;
    private List<KeyValuePair<string?, double?>>? _documents; // only with content capture
    private long _resultTimestamp;
    private long _lastChunkTimestamp;
    private double _timeToFirstChunk;
    private StringBuilder? _streamedText;
    private bool _outputMessagesSet;
    private string? _errorType;
    private bool _ended;

    private LlmOperationScope(LlmOperationDescriptor descriptor, string? requestModel, Activity? activity, Activity? previousActivity, bool captureContent)
    {
        _descriptor = descriptor;
        _requestModel = requestModel;
        _activity = activity;
        _previousActivity = previousActivity;
        _captureContent = captureContent;
        _reported = descriptor.CountsDocuments ? Reported.DocumentCount : Reported.None;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Whether anything listens to LlmTelemetry spans or baseline metrics. Generated bodies of the baseline conventions check
    /// this first and call the implementation directly when it is <see langword="false"/>; other releases have their own
    /// check (<see cref="V0_1Conventions"/>).
    /// </summary>
    public static bool IsEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsEnabled;
    }

    /// <summary>Whether anything listens to LlmTelemetry spans or metrics of a streamed call; generated stream bodies check this first.</summary>
    public static bool IsStreamEnabled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BaselineConventions.IsStreamEnabled;
    }

    /// <summary>Whether the call has a sampled span that wants its attributes.</summary>
    public readonly bool IsRecording => _activity is { IsAllDataRequested: true };

    /// <summary>Whether prompts and completions are to be recorded (a recording span and content capture on).</summary>
    public readonly bool IsCapturingContent => _captureContent;

    /// <summary>
    /// Starts a call: opens its span when a tracer listens, with the sampling-relevant attributes, and notes the
    /// start time for the duration metric. The new span becomes <see cref="Activity.Current"/>.
    /// </summary>
    /// <param name="descriptor">The operation.</param>
    /// <param name="requestModel">The model chosen at run time, if any; otherwise the compile-time model.</param>
    /// <param name="dataSourceId">The data source chosen at run time, if any; otherwise the compile-time one.</param>
    public static LlmOperationScope Start(LlmOperationDescriptor descriptor, string? requestModel = null, string? dataSourceId = null)
    {
        string? model = requestModel ?? descriptor.RequestModel;
        string? dataSource = dataSourceId ?? descriptor.DataSourceId;
        Activity? previous = Activity.Current;
        Activity? activity = null;
        bool captureContent = false;
        try
        {
            if (LlmTelemetryInstruments.Source.HasListeners())
            {
                LlmOperationDescriptor.SpanStart start = descriptor.GetSpanStart(model, dataSource);
                activity = LlmTelemetryInstruments.Source.StartActivity(start.Name, descriptor.Kind, parentContext: default, tags: start.Tags);
                if (activity is { IsAllDataRequested: true })
                {
                    captureContent = LlmTelemetrySettings.Current.CaptureMessageContent;
                    if (descriptor.IsStreaming && !descriptor.IsRetrieval)
                    {
                        activity.SetTag(GenAiSemanticConventions.Attributes.RequestStream, s_true);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("starting a span", exception);
            // A listener that throws when the span starts does so after the span became current: keep it as the
            // call's span, so that it is still stopped (and exported) and the caller's current span comes back.
            if (activity is null && Activity.Current is { } started && started.Source == LlmTelemetryInstruments.Source
                && ReferenceEquals(started.Parent, previous))
            {
                activity = started;
            }
        }

        return new LlmOperationScope(descriptor, model, activity, previous, captureContent);
    }

    /// <summary>Starts a call and records it as failed at once, for an implementation that threw before it began.</summary>
    /// <returns>Always <see langword="false"/>, so that it can serve as an exception filter.</returns>
    public static bool StartFailed(LlmOperationDescriptor descriptor, string? requestModel, Exception exception, string? dataSourceId = null)
    {
        LlmOperationScope scope = Start(descriptor, requestModel, dataSourceId);
        return scope.RecordFailure(exception);
    }

    /// <summary>Records request details through <paramref name="recorder"/> when the span is recording.</summary>
    public void RecordRequest<TState>(TState state, LlmRequestRecorder<TState> recorder)
    {
        if (!IsRecording)
        {
            return;
        }

        try
        {
            recorder(ref this, state);
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording the request", exception);
        }
    }

    /// <summary>Records what <paramref name="result"/> carries through <paramref name="recorder"/>.</summary>
    public void RecordResult<TResult>(TResult result, LlmResultRecorder<TResult>? recorder)
    {
        if (recorder is null || _descriptor is null)
        {
            return;
        }

        try
        {
            recorder(ref this, result);
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording the result", exception);
        }
    }

    /// <summary>Sets a string attribute on the span; nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    public readonly void SetTag(string name, string? value)
    {
        if (value is not null && IsRecording)
        {
            _activity!.SetTag(name, value);
        }
    }

    /// <summary>Sets an integer attribute on the span; nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    public readonly void SetTag(string name, long? value)
    {
        if (value.HasValue && IsRecording)
        {
            _activity!.SetTag(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Sets a floating-point attribute on the span; nothing when <paramref name="value"/> is <see langword="null"/>.</summary>
    public readonly void SetTag(string name, double? value)
    {
        if (value.HasValue && IsRecording)
        {
            _activity!.SetTag(name, value.GetValueOrDefault());
        }
    }

    /// <summary>
    /// Sets a floating-point attribute from a <see cref="float"/> setting as the number that was written
    /// (0.7, not 0.699999988), since request settings are usually typed <see cref="float"/>.
    /// </summary>
    public readonly void SetTag(string name, float? value)
    {
        if (value.HasValue && IsRecording)
        {
            float single = value.GetValueOrDefault();
            // decimal keeps the float's 7 significant digits, so the double is the shortest round-trip value.
            double number = float.IsNaN(single) || float.IsInfinity(single) || Math.Abs(single) > 7.9e27f
                ? single
                : (double)(decimal)single;
            _activity!.SetTag(name, number);
        }
    }

    /// <summary>Sets a string-array attribute on the span; nothing when <paramref name="values"/> is <see langword="null"/> or empty.</summary>
    public readonly void SetTag(string name, IEnumerable<string>? values)
    {
        if (values is null || !IsRecording)
        {
            return;
        }

        string[] array = values is ICollection<string> collection ? CopyToArray(collection) : new List<string>(values).ToArray();
        if (array.Length > 0)
        {
            _activity!.SetTag(name, array);
        }
    }

    /// <summary>Sets a JSON content attribute built with <paramref name="content"/>, when content capture is on.</summary>
    public readonly void SetContent(string name, GenAiContentWriter content)
    {
        if (_captureContent)
        {
            _activity!.SetTag(name, content.ToJson());
        }
    }

    /// <summary>Records <c>gen_ai.system_instructions</c> from text, when content capture is on.</summary>
    public readonly void SetSystemInstructions(string? instructions, DataClassificationSet? classification = null)
    {
        if (!_captureContent || instructions is null)
        {
            return;
        }

        GenAiContentWriter parts = GenAiContentWriter.ForParts();
        parts.WriteTextPart(instructions, classification);
        _activity!.SetTag(GenAiSemanticConventions.Attributes.SystemInstructions, parts.ToJson());
    }

    /// <summary>Records <c>gen_ai.output.messages</c>, when content capture is on.</summary>
    public void SetOutputMessages(GenAiContentWriter messages)
    {
        if (_captureContent)
        {
            _activity!.SetTag(GenAiSemanticConventions.Attributes.OutputMessages, messages.ToJson());
            _outputMessagesSet = true;
        }
    }

    /// <summary>Records <c>gen_ai.output.messages</c> as one assistant text message, when content capture is on.</summary>
    public void SetOutputText(string? text)
    {
        if (!_captureContent || text is null)
        {
            return;
        }

        GenAiContentWriter messages = GenAiContentWriter.ForMessages();
        messages.WriteTextMessage("assistant", text, classification: null, finishReason: SingleFinishReason);
        SetOutputMessages(messages);
    }

    /// <summary>Appends streamed output text; kept only when content capture is on, and written when the stream ends.</summary>
    public void AppendOutputText(string? text)
    {
        if (_captureContent && !string.IsNullOrEmpty(text))
        {
            (_streamedText ??= new StringBuilder()).Append(text);
        }
    }

    /// <summary>Sets the <c>gen_ai.response.model</c>.</summary>
    public void SetResponseModel(string? model)
    {
        if (model is not null)
        {
            _responseModel = model;
        }
    }

    /// <summary>Sets the <c>gen_ai.response.id</c>.</summary>
    public void SetResponseId(string? id)
    {
        if (id is not null)
        {
            _responseId = id;
        }
    }

    /// <summary>Adds a <c>gen_ai.response.finish_reasons</c> entry.</summary>
    public void AddFinishReason(string? reason)
    {
        if (reason is null)
        {
            return;
        }

        switch (_finishReasons)
        {
            case null:
                _finishReasons = reason;
                break;
            case string first:
                _finishReasons = new List<string>(2) { first, reason };
                break;
            case List<string> list:
                list.Add(reason);
                break;
        }
    }

    /// <summary>Sets the input token count.</summary>
    public void SetInputTokens(long? count) => Set(ref _inputTokens, Reported.InputTokens, count);

    /// <summary>Sets the output token count.</summary>
    public void SetOutputTokens(long? count) => Set(ref _outputTokens, Reported.OutputTokens, count);

    /// <summary>Sets the cached input token count.</summary>
    public void SetCacheReadInputTokens(long? count) => Set(ref _cacheReadInputTokens, Reported.CacheReadInputTokens, count);

    /// <summary>Sets the count of input tokens written to the provider's cache.</summary>
    public void SetCacheWriteInputTokens(long? count) => Set(ref _cacheWriteInputTokens, Reported.CacheWriteInputTokens, count);

    /// <summary>Sets the reasoning output token count.</summary>
    public void SetReasoningOutputTokens(long? count) => Set(ref _reasoningOutputTokens, Reported.ReasoningOutputTokens, count);

    /// <summary>Adds token counts reported in pieces, as streamed usage updates are.</summary>
    public void AddUsage(long? inputTokens, long? outputTokens, long? cacheReadInputTokens = null, long? reasoningOutputTokens = null)
    {
        Add(ref _inputTokens, Reported.InputTokens, inputTokens);
        Add(ref _outputTokens, Reported.OutputTokens, outputTokens);
        Add(ref _cacheReadInputTokens, Reported.CacheReadInputTokens, cacheReadInputTokens);
        Add(ref _reasoningOutputTokens, Reported.ReasoningOutputTokens, reasoningOutputTokens);
    }

    /// <summary>Counts a retrieved document, keeps the best score, and with content capture on its id and score.</summary>
    public void AddDocument(string? id, double? score)
    {
        _documentCount++;
        _reported |= Reported.DocumentCount;
        if (score is double value && !double.IsNaN(value) && (!Has(Reported.BestScore) || value > _bestScore))
        {
            _bestScore = value;
            _reported |= Reported.BestScore;
        }

        if (_captureContent)
        {
            (_documents ??= new List<KeyValuePair<string?, double?>>()).Add(new(id, score));
        }
    }

    /// <summary>Records <c>gen_ai.retrieval.query.text</c>, when content capture is on; redacted when classified, cut at the length cap.</summary>
    public readonly void SetRetrievalQuery(string? query, DataClassificationSet? classification = null)
    {
        if (_captureContent && query is not null)
        {
            _activity!.SetTag(GenAiSemanticConventions.Attributes.RetrievalQueryText, GenAiContentWriter.Capped(query, classification));
        }
    }

    /// <summary>Sets the <c>gen_ai.embeddings.dimension.count</c>.</summary>
    public void SetEmbeddingDimensions(int? dimensions)
    {
        if (dimensions is int value)
        {
            _embeddingDimensions = value;
            _reported |= Reported.EmbeddingDimensions;
        }
    }

    /// <summary>
    /// Notes that a streamed chunk arrived: the first sets the time to first chunk, every later one a time per
    /// output chunk sample (end of the previous chunk to end of this one).
    /// </summary>
    public void OnChunk()
    {
        // Chunk timings describe generated output; a stream of retrieved documents has none.
        if (_descriptor is null || _ended || _descriptor.IsRetrieval)
        {
            return;
        }

        try
        {
            GenAiConventionSet conventions = _descriptor.Conventions;
            if (_lastChunkTimestamp != 0 && !conventions.MeasuresEachChunk(_descriptor.Family))
            {
                return; // nothing measures this chunk: skip even the clock
            }

            long now = Stopwatch.GetTimestamp();
            if (_lastChunkTimestamp == 0)
            {
                _timeToFirstChunk = Seconds(_startTimestamp, now);
                conventions.RecordTimeToFirstChunk(in this, _timeToFirstChunk);
            }
            else
            {
                // One histogram sample per chunk, as the conventions define the metric; this record is most of what
                // a traced chunk costs, and a view that drops the instrument removes it.
                conventions.RecordTimePerOutputChunk(in this, Seconds(_lastChunkTimestamp, now));
            }

            _lastChunkTimestamp = now;
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording a chunk", exception);
        }
    }

    /// <summary>The operation, for the convention release that records the call's metrics.</summary>
    internal readonly LlmOperationDescriptor Descriptor => _descriptor!;

    /// <summary>The input token count, if one was reported.</summary>
    internal readonly long? InputTokens => Count(Reported.InputTokens, _inputTokens);

    /// <summary>The output token count, if one was reported.</summary>
    internal readonly long? OutputTokens => Count(Reported.OutputTokens, _outputTokens);

    /// <summary>The cached input token count, if one was reported.</summary>
    internal readonly long? CacheReadInputTokens => Count(Reported.CacheReadInputTokens, _cacheReadInputTokens);

    /// <summary>The count of input tokens written to the cache, if one was reported.</summary>
    internal readonly long? CacheWriteInputTokens => Count(Reported.CacheWriteInputTokens, _cacheWriteInputTokens);

    /// <summary>The reasoning output token count, if one was reported.</summary>
    internal readonly long? ReasoningOutputTokens => Count(Reported.ReasoningOutputTokens, _reasoningOutputTokens);

    /// <summary>The operation name, for evaluations.</summary>
    internal readonly string OperationName => _descriptor?.OperationName ?? string.Empty;

    /// <summary>The provider's response id, once the result was read.</summary>
    internal readonly string? ResponseId => _responseId;

    /// <summary>The span's context, to link a background evaluation to it.</summary>
    internal readonly ActivityContext SpanContext => _activity?.Context ?? default;

    /// <summary>The trace the call belongs to, for sampling; the caller's when the call has no span of its own.</summary>
    internal readonly ActivityTraceId TraceId => _activity?.TraceId ?? _previousActivity?.TraceId ?? default;

    /// <summary>Notes when the call's result arrived, so that guards that run after it do not count in its duration.</summary>
    internal void MarkResult() => _resultTimestamp = Stopwatch.GetTimestamp();

    /// <summary>Records an evaluation of this call on its span and in the evaluation metrics.</summary>
    internal readonly void AddEvaluation(LlmGuardDescriptor guard, LlmEvaluation? evaluation, string? errorType)
    {
        try
        {
            EvaluationRecording.RecordGuard(_activity, OperationName, guard, evaluation, errorType, _responseId);
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording an evaluation", exception);
        }
    }

    /// <summary>
    /// Puts <see cref="Activity.Current"/> back to what it was before the span started, for a call that returns
    /// to its caller before it ends (a pending task, a stream): the caller's code must not run inside the span.
    /// </summary>
    public readonly void LeaveCurrent()
    {
        if (_activity is not null && ReferenceEquals(Activity.Current, _activity))
        {
            Activity.Current = _previousActivity;
        }
    }

    /// <summary>Makes the span <see cref="Activity.Current"/> again, so work the call starts later is its child.</summary>
    /// <returns>Whether anything changed, to pass to <see cref="LeaveCurrent"/>.</returns>
    public readonly bool EnterCurrent()
    {
        if (_activity is null || _ended || ReferenceEquals(Activity.Current, _activity))
        {
            return false;
        }

        Activity.Current = _activity;
        return true;
    }

    /// <summary>
    /// Records the call as failed: <c>error.type</c>, status Error, the exception as a span event, and the
    /// duration; then ends it.
    /// </summary>
    /// <returns>Always <see langword="false"/>, so that generated code can call it from an exception filter and
    /// the exception goes on untouched.</returns>
    public bool RecordFailure(Exception exception)
    {
        if (_descriptor is null || _ended)
        {
            return false;
        }

        try
        {
            _errorType = exception.GetType().FullName ?? exception.GetType().Name;
            if (_activity is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, exception.Message);
                if (_activity.IsAllDataRequested)
                {
                    _activity.SetTag(GenAiSemanticConventions.Attributes.ErrorType, _errorType);
                    _descriptor.Conventions.RecordException(_activity, exception, _descriptor.Family);
                }
            }
        }
        catch (Exception telemetryException)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording a failure", telemetryException);
        }

        End();
        return false;
    }

    /// <summary>Records a call whose task was cancelled without an exception object to hand.</summary>
    public void RecordCancellation()
    {
        if (_descriptor is null || _ended)
        {
            return;
        }

        _errorType = typeof(System.Threading.Tasks.TaskCanceledException).FullName;
        if (_activity is not null)
        {
            _activity.SetStatus(ActivityStatusCode.Error);
            if (_activity.IsAllDataRequested)
            {
                _activity.SetTag(GenAiSemanticConventions.Attributes.ErrorType, _errorType);
            }
        }

        End();
    }

    /// <summary>Records <paramref name="result"/> and ends the call successfully.</summary>
    public void Complete<TResult>(TResult result, LlmResultRecorder<TResult>? recorder)
    {
        RecordResult(result, recorder);
        End();
    }

    /// <summary>Ends the call successfully.</summary>
    public void Complete() => End();

    private void End()
    {
        if (_descriptor is null || _ended)
        {
            return;
        }

        _ended = true;
        long end = Stopwatch.GetTimestamp();
        if (_activity is not null)
        {
            StopSpan(_activity);
        }

        try
        {
            RecordMetrics(end);
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording a call's metrics", exception);
        }
    }

    // Each step guarded on its own: a response tag that cannot be written, or a listener that throws when the span
    // stops, must neither leave the span current for the caller's code nor cost the call its metrics.
    private readonly void StopSpan(Activity activity)
    {
        try
        {
            if (activity.IsAllDataRequested)
            {
                SetResponseTags(activity);
            }
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("recording the response on a span", exception);
        }

        try
        {
            activity.Stop();
        }
        catch (Exception exception)
        {
            LlmTelemetryEventSource.Log.TelemetryFailed("ending a span", exception);
        }

        if (ReferenceEquals(Activity.Current, activity))
        {
            Activity.Current = _previousActivity;
        }
    }

    private readonly string? SingleFinishReason => _finishReasons as string;

    // AddTag, not SetTag: these keys are written once, here, so there is no existing tag to look for.
    private readonly void SetResponseTags(Activity activity)
    {
        if (_responseModel is not null)
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.ResponseModel, _responseModel);
        }

        if (_responseId is not null)
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.ResponseId, _responseId);
        }

        switch (_finishReasons)
        {
            case string single:
                activity.AddTag(GenAiSemanticConventions.Attributes.ResponseFinishReasons, FinishReasonArrays.For(single));
                break;
            case List<string> several:
                activity.AddTag(GenAiSemanticConventions.Attributes.ResponseFinishReasons, several.ToArray());
                break;
        }

        if (Has(Reported.InputTokens))
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.UsageInputTokens, _inputTokens);
        }

        if (Has(Reported.OutputTokens))
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.UsageOutputTokens, _outputTokens);
        }

        // Parts of the totals; a release may leave them off when zero (v0.1.0 does).
        GenAiConventionSet conventions = _descriptor!.Conventions;
        if (Has(Reported.CacheReadInputTokens) && (_cacheReadInputTokens != 0 || !conventions.OmitsZeroUsageParts))
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.UsageCacheReadInputTokens, _cacheReadInputTokens);
        }

        if (Has(Reported.CacheWriteInputTokens) && (_cacheWriteInputTokens != 0 || !conventions.OmitsZeroUsageParts))
        {
            activity.AddTag(conventions.UsageCacheWriteInputTokensAttribute, _cacheWriteInputTokens);
        }

        if (Has(Reported.ReasoningOutputTokens) && (_reasoningOutputTokens != 0 || !conventions.OmitsZeroUsageParts))
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.UsageReasoningOutputTokens, _reasoningOutputTokens);
        }

        if (Has(Reported.EmbeddingDimensions))
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.EmbeddingsDimensionCount, _embeddingDimensions);
        }

        if (_lastChunkTimestamp != 0)
        {
            activity.AddTag(GenAiSemanticConventions.Attributes.ResponseTimeToFirstChunk, _timeToFirstChunk);
        }

        if (Has(Reported.DocumentCount))
        {
            activity.AddTag(GenAiSemanticConventions.LlmTelemetryAttributes.RetrievalDocumentCount, _documentCount);
        }

        if (Has(Reported.BestScore))
        {
            activity.AddTag(GenAiSemanticConventions.LlmTelemetryAttributes.RetrievalBestScore, _bestScore);
        }

        if (_documents is not null)
        {
            GenAiContentWriter documents = GenAiContentWriter.ForDocuments();
            foreach (KeyValuePair<string?, double?> document in _documents)
            {
                documents.WriteDocument(document.Key, document.Value);
            }

            activity.AddTag(GenAiSemanticConventions.Attributes.RetrievalDocuments, documents.ToJson());
        }

        if (_captureContent && _streamedText is not null && !_outputMessagesSet)
        {
            GenAiContentWriter messages = GenAiContentWriter.ForMessages();
            messages.WriteTextMessage("assistant", _streamedText.ToString(), classification: null, finishReason: SingleFinishReason);
            activity.AddTag(GenAiSemanticConventions.Attributes.OutputMessages, messages.ToJson());
        }
    }

    private readonly void RecordMetrics(long endTimestamp) =>
        _descriptor!.Conventions.RecordMetrics(in this, Seconds(_startTimestamp, _resultTimestamp != 0 ? _resultTimestamp : endTimestamp));

    /// <summary>
    /// The tags every GenAI metric of the call carries, and <c>error.type</c> when asked and the call failed. At most 7,
    /// so that a release can add one more (<c>gen_ai.token.modality</c>) within the 8 a TagList holds without allocating.
    /// </summary>
    internal readonly TagList MetricTags(bool includeError)
    {
        LlmOperationDescriptor descriptor = _descriptor!;
        var tags = new TagList
        {
            { GenAiSemanticConventions.Attributes.OperationName, descriptor.OperationName },
        };
        if (descriptor.ProviderName is not null)
        {
            tags.Add(GenAiSemanticConventions.Attributes.ProviderName, descriptor.ProviderName);
        }

        if (_requestModel is not null)
        {
            tags.Add(GenAiSemanticConventions.Attributes.RequestModel, _requestModel);
        }

        if (_responseModel is not null)
        {
            tags.Add(GenAiSemanticConventions.Attributes.ResponseModel, _responseModel);
        }

        if (descriptor.ServerAddress is not null)
        {
            tags.Add(GenAiSemanticConventions.Attributes.ServerAddress, descriptor.ServerAddress);
            if (descriptor.ServerPort is not null)
            {
                tags.Add(GenAiSemanticConventions.Attributes.ServerPort, descriptor.ServerPort);
            }
        }

        if (includeError && _errorType is not null)
        {
            tags.Add(GenAiSemanticConventions.Attributes.ErrorType, _errorType);
        }

        return tags;
    }

    private static double Seconds(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) / (double)Stopwatch.Frequency;

    private readonly bool Has(Reported count) => (_reported & count) != 0;

    private readonly long? Count(Reported count, long value) => Has(count) ? value : null;

    private void Set(ref long field, Reported count, long? value)
    {
        if (value is long reported)
        {
            field = reported;
            _reported |= count;
        }
    }

    // A count reported in pieces: the first piece sets it, later ones add to it.
    private void Add(ref long field, Reported count, long? part)
    {
        if (part is long reported)
        {
            field = Has(count) ? field + reported : reported;
            _reported |= count;
        }
    }

    [Flags]
    private enum Reported : byte
    {
        None = 0,
        InputTokens = 1,
        OutputTokens = 2,
        CacheReadInputTokens = 4,
        ReasoningOutputTokens = 8,
        EmbeddingDimensions = 16,
        DocumentCount = 32,
        BestScore = 64,
        CacheWriteInputTokens = 128,
    }

    private static string[] CopyToArray(ICollection<string> collection)
    {
        var array = new string[collection.Count];
        collection.CopyTo(array, 0);
        return array;
    }
}

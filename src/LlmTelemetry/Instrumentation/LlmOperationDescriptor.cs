using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// What generated code knows about one <c>[LlmOperation]</c> method at compile time. One instance per method,
/// created once, so nothing here is computed per call.
/// </summary>
/// <remarks>Used by generated code; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LlmOperationDescriptor
{
    private SpanStart? _compileTimeModel;
    private SpanStart? _withoutModel;
    private SpanStart? _lastRuntimeModel;

    /// <summary>Describes an operation.</summary>
    /// <param name="operationName">The <c>gen_ai.operation.name</c>.</param>
    /// <param name="providerName">The <c>gen_ai.provider.name</c>, if known.</param>
    /// <param name="requestModel">The <c>gen_ai.request.model</c> known at compile time, if any.</param>
    /// <param name="serverAddress">The <c>server.address</c>, if known.</param>
    /// <param name="serverPort">The <c>server.port</c>, or 0 when unknown.</param>
    /// <param name="isStreaming">Whether the operation streams its response.</param>
    public LlmOperationDescriptor(string operationName, string? providerName, string? requestModel, string? serverAddress, int serverPort, bool isStreaming)
    {
        OperationName = operationName ?? throw new ArgumentNullException(nameof(operationName));
        ProviderName = providerName;
        RequestModel = requestModel;
        ServerAddress = serverAddress;
        // Boxed once: a port in a TagList would otherwise box on every call.
        ServerPort = serverAddress is not null && serverPort > 0 ? serverPort : null;
        IsStreaming = isStreaming;
    }

    /// <summary>The <c>gen_ai.operation.name</c>.</summary>
    public string OperationName { get; }

    /// <summary>The <c>gen_ai.provider.name</c>, if known.</summary>
    public string? ProviderName { get; }

    /// <summary>The <c>gen_ai.request.model</c> known at compile time, if any.</summary>
    public string? RequestModel { get; }

    /// <summary>The <c>server.address</c>, if known.</summary>
    public string? ServerAddress { get; }

    /// <summary>The <c>server.port</c>, boxed, or <see langword="null"/> when unknown.</summary>
    public object? ServerPort { get; }

    /// <summary>Whether the operation streams its response.</summary>
    public bool IsStreaming { get; }

    /// <summary>The span kind: the model is called through a client.</summary>
    public ActivityKind Kind => ActivityKind.Client;

    /// <summary>
    /// The span name and start tags for the effective model of one call, without building them again for a
    /// repeated run-time model.
    /// </summary>
    internal SpanStart GetSpanStart(string? model)
    {
        if (model is null || string.Equals(model, RequestModel, StringComparison.Ordinal))
        {
            return model is null ? _withoutModel ??= CreateSpanStart(null) : _compileTimeModel ??= CreateSpanStart(model);
        }

        SpanStart? cached = _lastRuntimeModel;
        if (cached is not null && string.Equals(cached.Model, model, StringComparison.Ordinal))
        {
            return cached;
        }

        return _lastRuntimeModel = CreateSpanStart(model);
    }

    private SpanStart CreateSpanStart(string? model)
    {
        var tags = new List<KeyValuePair<string, object?>>(5)
        {
            new(GenAiSemanticConventions.Attributes.OperationName, OperationName),
        };
        if (ProviderName is not null)
        {
            tags.Add(new(GenAiSemanticConventions.Attributes.ProviderName, ProviderName));
        }

        if (model is not null)
        {
            tags.Add(new(GenAiSemanticConventions.Attributes.RequestModel, model));
        }

        if (ServerAddress is not null)
        {
            tags.Add(new(GenAiSemanticConventions.Attributes.ServerAddress, ServerAddress));
            if (ServerPort is not null)
            {
                tags.Add(new(GenAiSemanticConventions.Attributes.ServerPort, ServerPort));
            }
        }

        return new SpanStart(model, FormatSpanName(OperationName, model), tags.ToArray());
    }

    private static string FormatSpanName(string operationName, string? model) =>
        string.IsNullOrEmpty(model) ? operationName : operationName + " " + model;

    /// <summary>
    /// What a span starts with: its name and the sampling-relevant tags. The tags are an array built once, not
    /// a <c>TagList</c>: <c>StartActivity</c> takes an <c>IEnumerable</c>, and a boxed <c>TagList</c> (and its boxed
    /// enumerator) would cost hundreds of bytes per call where the cached array costs one enumerator.
    /// </summary>
    internal sealed class SpanStart(string? model, string name, KeyValuePair<string, object?>[] tags)
    {
        public string? Model { get; } = model;

        public string Name { get; } = name;

        public KeyValuePair<string, object?>[] Tags { get; } = tags;
    }
}

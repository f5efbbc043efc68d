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
    private SpanStart? _compileTime;
    private SpanStart? _lastRunTime;

    /// <summary>Describes an operation.</summary>
    /// <param name="operationName">The <c>gen_ai.operation.name</c>.</param>
    /// <param name="providerName">The <c>gen_ai.provider.name</c>, if known.</param>
    /// <param name="requestModel">The <c>gen_ai.request.model</c> known at compile time, if any.</param>
    /// <param name="serverAddress">The <c>server.address</c>, if known.</param>
    /// <param name="serverPort">The <c>server.port</c>, or 0 when unknown.</param>
    /// <param name="isStreaming">Whether the operation streams its response.</param>
    /// <param name="dataSourceId">The <c>gen_ai.data_source.id</c> known at compile time, for a retrieval.</param>
    /// <param name="countsDocuments">Whether the result is read as retrieved documents, so that their number is recorded even when it is 0.</param>
    /// <param name="conventions">The release of the GenAI conventions the build chose; the baseline when not given.</param>
    public LlmOperationDescriptor(string operationName, string? providerName, string? requestModel, string? serverAddress, int serverPort, bool isStreaming, string? dataSourceId = null, bool countsDocuments = false, GenAiConventionSet? conventions = null)
    {
        OperationName = operationName ?? throw new ArgumentNullException(nameof(operationName));
        ProviderName = providerName;
        RequestModel = requestModel;
        ServerAddress = serverAddress;
        // Boxed once: a port in a TagList would otherwise box on every call.
        ServerPort = serverAddress is not null && serverPort > 0 ? serverPort : null;
        IsStreaming = isStreaming;
        DataSourceId = dataSourceId;
        CountsDocuments = countsDocuments;
        Family = OperationFamilies.Of(operationName);
        IsRetrieval = Family == OperationFamily.Retrieval;
        Conventions = conventions ?? BaselineConventions.Instance;
        Kind = Conventions.SpanKind(Family);
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

    /// <summary>The <c>gen_ai.data_source.id</c> known at compile time, for a retrieval.</summary>
    public string? DataSourceId { get; }

    /// <summary>Whether the result is read as retrieved documents.</summary>
    public bool CountsDocuments { get; }

    /// <summary>Whether the operation is a retrieval, whose spans are named by the data source rather than the model (or by the operation alone, in v0.1.0).</summary>
    public bool IsRetrieval { get; }

    /// <summary>The span kind the chosen release gives the operation.</summary>
    public ActivityKind Kind { get; }

    /// <summary>The release of the GenAI conventions that names and records the operation's telemetry.</summary>
    internal GenAiConventionSet Conventions { get; }

    /// <summary>The kind of operation, which decides its span and metrics.</summary>
    internal OperationFamily Family { get; }

    /// <summary>
    /// The span name and start tags for the effective model and data source of one call, without building them
    /// again for a repeated run-time value.
    /// </summary>
    internal SpanStart GetSpanStart(string? model, string? dataSourceId)
    {
        if (string.Equals(model, RequestModel, StringComparison.Ordinal) && string.Equals(dataSourceId, DataSourceId, StringComparison.Ordinal))
        {
            return _compileTime ??= CreateSpanStart(model, dataSourceId);
        }

        SpanStart? cached = _lastRunTime;
        if (cached is not null && string.Equals(cached.Model, model, StringComparison.Ordinal) && string.Equals(cached.DataSourceId, dataSourceId, StringComparison.Ordinal))
        {
            return cached;
        }

        return _lastRunTime = CreateSpanStart(model, dataSourceId);
    }

    private SpanStart CreateSpanStart(string? model, string? dataSourceId)
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

        if (dataSourceId is not null)
        {
            tags.Add(new(GenAiSemanticConventions.Attributes.DataSourceId, dataSourceId));
        }

        if (ServerAddress is not null)
        {
            tags.Add(new(GenAiSemanticConventions.Attributes.ServerAddress, ServerAddress));
            if (ServerPort is not null)
            {
                tags.Add(new(GenAiSemanticConventions.Attributes.ServerPort, ServerPort));
            }
        }

        string name = Conventions.SpanName(OperationName, Family, model, dataSourceId);
        return new SpanStart(model, dataSourceId, name, tags.ToArray());
    }

    /// <summary>
    /// What a span starts with: its name and the sampling-relevant tags. The tags are an array built once, not
    /// a <c>TagList</c>: <c>StartActivity</c> takes an <c>IEnumerable</c>, and a boxed <c>TagList</c> (and its boxed
    /// enumerator) would cost hundreds of bytes per call where the cached array costs one enumerator.
    /// </summary>
    internal sealed class SpanStart(string? model, string? dataSourceId, string name, KeyValuePair<string, object?>[] tags)
    {
        public string? Model { get; } = model;

        public string? DataSourceId { get; } = dataSourceId;

        public string Name { get; } = name;

        public KeyValuePair<string, object?>[] Tags { get; } = tags;
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>
/// What a careful engineer writes by hand: one source and meter, a fast exit when nothing listens, sampling tags at
/// start, rich tags only when recording, metrics through a TagList, an async wrapper around the call.
/// </summary>
public sealed class HandWrittenInstrumentation(IChatClient model)
{
    public const string Name = "HandWritten";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram("gen_ai.client.operation.duration", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });
    private static readonly Histogram<long> s_tokens = s_meter.CreateHistogram("gen_ai.client.token.usage", "{token}", null, null, new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });
    private static readonly object s_port = 443;

    public Task<ChatResponse> ChatAsync(IList<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!s_source.HasListeners() && !s_duration.Enabled && !s_tokens.Enabled)
        {
            return model.GetResponseAsync(messages, options, cancellationToken);
        }

        return InstrumentedAsync(messages, options, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IList<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!s_source.HasListeners() && !s_duration.Enabled)
        {
            return model.GetStreamingResponseAsync(messages, options, cancellationToken);
        }

        return InstrumentedStreamAsync(messages, options, cancellationToken);
    }

    private async Task<ChatResponse> InstrumentedAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        var startTags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", "openai" },
            { "gen_ai.request.model", "gpt-4o-mini" },
            { "server.address", "api.openai.com" },
            { "server.port", s_port },
        };
        using Activity? activity = s_source.StartActivity("chat gpt-4o-mini", ActivityKind.Client, default(ActivityContext), startTags);
        string? errorType = null;
        ChatResponse? response = null;
        try
        {
            response = await model.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("gen_ai.response.model", response.ModelId);
                activity.SetTag("gen_ai.response.id", response.ResponseId);
                activity.SetTag("gen_ai.response.finish_reasons", s_stop);
                activity.SetTag("gen_ai.usage.input_tokens", response.Usage?.InputTokenCount);
                activity.SetTag("gen_ai.usage.output_tokens", response.Usage?.OutputTokenCount);
            }

            return response;
        }
        catch (Exception exception)
        {
            errorType = exception.GetType().FullName;
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity?.SetTag("error.type", errorType);
            throw;
        }
        finally
        {
            var tags = new TagList
            {
                { "gen_ai.operation.name", "chat" },
                { "gen_ai.provider.name", "openai" },
                { "gen_ai.request.model", "gpt-4o-mini" },
                { "server.address", "api.openai.com" },
                { "server.port", s_port },
            };
            if (response?.ModelId is { } responseModel)
            {
                tags.Add("gen_ai.response.model", responseModel);
            }

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            s_duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
            if (response?.Usage is { } usage)
            {
                tags.Add("gen_ai.token.type", "input");
                s_tokens.Record(usage.InputTokenCount ?? 0, tags);
                tags[tags.Count - 1] = new KeyValuePair<string, object?>("gen_ai.token.type", "output");
                s_tokens.Record(usage.OutputTokenCount ?? 0, tags);
            }
        }
    }

    private static readonly string[] s_stop = ["stop"];

    private async IAsyncEnumerable<ChatResponseUpdate> InstrumentedStreamAsync(IList<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        using Activity? activity = s_source.StartActivity("chat gpt-4o-mini", ActivityKind.Client);
        long? outputTokens = null;
        await foreach (ChatResponseUpdate update in model.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            IList<AIContent> contents = update.Contents;
            for (int i = 0; i < contents.Count; i++)
            {
                if (contents[i] is UsageContent usage)
                {
                    outputTokens = usage.Details.OutputTokenCount;
                }
            }

            yield return update;
        }

        activity?.SetTag("gen_ai.usage.output_tokens", outputTokens);
        s_duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new KeyValuePair<string, object?>("gen_ai.operation.name", "chat"));
    }
}

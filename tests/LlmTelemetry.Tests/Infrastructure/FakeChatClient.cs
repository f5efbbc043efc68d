using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Infrastructure;

/// <summary>
/// A deterministic in-process model: answers with a fixed text, fixed usage and a fixed finish reason, either
/// at once (a completed task) or after yielding, and fails or streams on request.
/// </summary>
public sealed class FakeChatClient : IChatClient
{
    public const string ResponseModel = "gpt-4o-mini-2024-07-18";
    public const string ResponseId = "chatcmpl-123";
    public const int InputTokens = 12;
    public const int OutputTokens = 34;
    public const int CachedInputTokens = 5;
    public const int ReasoningTokens = 7;

    public string AnswerText { get; set; } = "Paris is the capital of France.";

    /// <summary>When set, the call fails with this exception (synchronously thrown, or in the task when <see cref="Asynchronous"/>).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Whether the task completes later instead of at once.</summary>
    public bool Asynchronous { get; set; }

    /// <summary>Number of text chunks a streamed answer has; usage and finish reason come in one last update.</summary>
    public int ChunkCount { get; set; } = 3;

    /// <summary>
    /// Whether a streamed answer reports its usage in two updates, as providers that send input tokens when the answer
    /// starts and output tokens as it ends do: the input and part of the output first, the rest of the output last.
    /// </summary>
    public bool UsageInPieces { get; set; }

    /// <summary>When set, the stream fails with this exception after this many chunks.</summary>
    public int? FailAfterChunks { get; set; }

    public int Calls { get; private set; }

    /// <summary>The response returned by the last call, to check identity.</summary>
    public ChatResponse? LastResponse { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        cancellationToken.ThrowIfCancellationRequested();
        if (Failure is not null && !Asynchronous)
        {
            throw Failure;
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, AnswerText))
        {
            ModelId = ResponseModel,
            ResponseId = ResponseId,
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(),
        };
        LastResponse = response;
        return Asynchronous ? LaterAsync(response, cancellationToken) : Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        string[] words = AnswerText.Split(' ');
        for (int i = 0; i < ChunkCount; i++)
        {
            if (Asynchronous)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (FailAfterChunks == i)
            {
                throw Failure ?? new InvalidOperationException("The stream broke.");
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, words[i % words.Length] + " ")
            {
                ModelId = ResponseModel,
                ResponseId = ResponseId,
                Contents = i == 0 && UsageInPieces
                    ? [new TextContent(words[0] + " "), new UsageContent(new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = 1 })]
                    : [new TextContent(words[i % words.Length] + " ")],
            };
        }

        yield return new ChatResponseUpdate
        {
            ModelId = ResponseModel,
            ResponseId = ResponseId,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(UsageInPieces ? new UsageDetails { OutputTokenCount = OutputTokens - 1 } : Usage())],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static UsageDetails Usage() => new()
    {
        InputTokenCount = InputTokens,
        OutputTokenCount = OutputTokens,
        TotalTokenCount = InputTokens + OutputTokens,
        CachedInputTokenCount = CachedInputTokens,
        ReasoningTokenCount = ReasoningTokens,
    };

    private async Task<ChatResponse> LaterAsync(ChatResponse response, CancellationToken cancellationToken)
    {
        await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        if (Failure is not null)
        {
            throw Failure;
        }

        return response;
    }
}

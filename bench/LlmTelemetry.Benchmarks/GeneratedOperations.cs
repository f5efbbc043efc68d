using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Benchmarks;

/// <summary>The LlmTelemetry variant: the same calls, with generated bodies.</summary>
public sealed partial class GeneratedOperations(IChatClient model)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial Task<ChatResponse> ChatAsync(IList<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IList<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    private Task<ChatResponse> ChatCoreAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        model.GetResponseAsync(messages, options, cancellationToken);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken) =>
        model.GetStreamingResponseAsync(messages, options, cancellationToken);
}

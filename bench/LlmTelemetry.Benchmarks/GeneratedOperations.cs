using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

// Compiled twice: here with the baseline conventions, and in LlmTelemetry.Benchmarks.Latest with v0.1.0.
#if LLMT_LATEST
namespace LlmTelemetry.Benchmarks.Latest;
#else
namespace LlmTelemetry.Benchmarks;
#endif

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

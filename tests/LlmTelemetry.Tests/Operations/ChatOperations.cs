using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

public partial class ChatOperations(IChatClient chat)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question, ChatOptions? options = null, CancellationToken cancellationToken = default);

    private Task<ChatResponse> AnswerCoreAsync(string question, ChatOptions? options, CancellationToken cancellationToken) =>
        chat.GetResponseAsync(question, options, cancellationToken);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken = default);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken) =>
        chat.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken);
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Compliance.Classification;

namespace LlmTelemetry.Tests.Operations;

/// <summary>A data classification as an application defines one.</summary>
public sealed class PrivateDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Private"));

/// <summary>Operations whose prompts are recorded when content capture is on.</summary>
public partial class ContentOperations(IChatClient chat)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial Task<ChatResponse> AskAsync([SystemInstructions] string instructions, [Prompt] string question, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial Task<ChatResponse> AskPrivatelyAsync([Prompt, PrivateData] string question);

    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial Task<ChatResponse> ConverseAsync(IList<ChatMessage> messages, ChatOptions? options = null);

    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync([Prompt] string question);

    private Task<ChatResponse> AskCoreAsync(string instructions, string question, CancellationToken cancellationToken) =>
        chat.GetResponseAsync([new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, question)], cancellationToken: cancellationToken);

    private Task<ChatResponse> AskPrivatelyCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> ConverseCoreAsync(IList<ChatMessage> messages, ChatOptions? options) => chat.GetResponseAsync(messages, options);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(string question) => chat.GetStreamingResponseAsync(question);
}

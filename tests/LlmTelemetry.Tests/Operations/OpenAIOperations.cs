using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using OpenAI.Chat;

// The model factory builds test data only; its overloads are marked experimental. Generated code needs no suppression.
#pragma warning disable OPENAI001

namespace LlmTelemetry.Tests.Operations;

/// <summary>Operations over the OpenAI .NET SDK's own types, answered by a fake.</summary>
public partial class OpenAIOperations
{
    public static readonly ChatCompletion Completion = OpenAIChatModelFactory.ChatCompletion(
        id: "chatcmpl-openai",
        finishReason: ChatFinishReason.Length,
        content: new ChatMessageContent("Bonjour"),
        role: ChatMessageRole.Assistant,
        createdAt: DateTimeOffset.UnixEpoch,
        model: "gpt-4o-2024-08-06",
        usage: OpenAIChatModelFactory.ChatTokenUsage(
            outputTokenCount: 9,
            inputTokenCount: 21,
            totalTokenCount: 30,
            outputTokenDetails: OpenAIChatModelFactory.ChatOutputTokenUsageDetails(reasoningTokenCount: 4),
            inputTokenDetails: OpenAIChatModelFactory.ChatInputTokenUsageDetails(audioTokenCount: 0, cachedTokenCount: 8)));

    [LlmOperation(Provider = "openai", Model = "gpt-4o", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial Task<ClientResult<ChatCompletion>> CompleteChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null);

    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial ChatCompletion CompleteChat([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial IAsyncEnumerable<StreamingChatCompletionUpdate> CompleteChatStreamingAsync([Prompt] string prompt);

    private Task<ClientResult<ChatCompletion>> CompleteChatCoreAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options) =>
        Task.FromResult(ClientResult.FromValue(Completion, new FakePipelineResponse()));

    private ChatCompletion CompleteChatCore(string prompt) => Completion;

    private async IAsyncEnumerable<StreamingChatCompletionUpdate> CompleteChatStreamingCoreAsync(string prompt)
    {
        await Task.Yield();
        yield return OpenAIChatModelFactory.StreamingChatCompletionUpdate(completionId: "chatcmpl-stream", contentUpdate: new ChatMessageContent("Bon"), model: "gpt-4o-2024-08-06");
        yield return OpenAIChatModelFactory.StreamingChatCompletionUpdate(completionId: "chatcmpl-stream", contentUpdate: new ChatMessageContent("jour"), model: "gpt-4o-2024-08-06", finishReason: ChatFinishReason.Stop);
        yield return OpenAIChatModelFactory.StreamingChatCompletionUpdate(
            completionId: "chatcmpl-stream",
            model: "gpt-4o-2024-08-06",
            usage: OpenAIChatModelFactory.ChatTokenUsage(outputTokenCount: 2, inputTokenCount: 5, totalTokenCount: 7, outputTokenDetails: null));
    }
}

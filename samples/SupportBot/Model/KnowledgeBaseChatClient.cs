using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SupportBot.Model;

/// <summary>
/// A deterministic in-process model, so the sample runs with no key and no network: it answers from a small
/// knowledge base, counts tokens as words, and takes a few milliseconds like a (very fast) real model.
/// </summary>
public sealed class KnowledgeBaseChatClient : IChatClient
{
    public const string ModelId = "kb-model-2026-01";

    private static readonly (string Keyword, string Answer)[] s_articles =
    [
        ("refund", "Refunds are issued to the original payment method within 5 business days of approval."),
        ("password", "Reset your password from Settings > Security > Reset password; the link expires after 30 minutes."),
        ("shipping", "Standard shipping takes 3 to 5 business days; express shipping arrives the next business day."),
    ];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        string question = messages.Last().Text.Split("\n\n")[0];
        await Task.Delay(40 + question.Length, cancellationToken);
        if (question.Contains("outage", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpRequestException("The model endpoint answered 503 Service Unavailable.");
        }

        string answer = Answer(question);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelId,
            ResponseId = "resp-" + Math.Abs(question.GetHashCode() % 100_000),
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(messages, answer),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string answer = Answer(messages.Last().Text.Split("\n\n")[0]);
        await Task.Delay(60, cancellationToken); // time to first token
        foreach (string word in answer.Split(' '))
        {
            await Task.Delay(8, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { ModelId = ModelId };
        }

        yield return new ChatResponseUpdate
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(Usage(messages, answer))],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static string Answer(string question) =>
        s_articles.FirstOrDefault(a => question.Contains(a.Keyword, StringComparison.OrdinalIgnoreCase)).Answer
        ?? "I could not find that in the help center; a human agent will follow up.";

    private static UsageDetails Usage(IEnumerable<ChatMessage> messages, string answer) => new()
    {
        InputTokenCount = messages.Sum(m => m.Text.Split(' ').Length) + 20,
        OutputTokenCount = answer.Split(' ').Length,
    };
}

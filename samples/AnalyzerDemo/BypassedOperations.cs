using LlmTelemetry;
using Microsoft.Extensions.AI;

namespace AnalyzerDemo;

/// <summary>A traced operation whose implementation is reached around the generated body (LLMT2003, LLMT2004).</summary>
public sealed partial class BypassedOperations(IChatClient chat)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<ChatResponse> AnswerAsync([Prompt] string question);

    private Task<ChatResponse> AnswerCoreAsync(string question) => chat.GetResponseAsync(question);

    // The delegate calls the implementation, not the traced method: no span.
    public Func<string, Task<ChatResponse>> Answerer => AnswerCoreAsync; // LLMT2003

    // A direct call skips the generated body: no span either.
    public Task<ChatResponse> AnswerQuicklyAsync(string question) => AnswerCoreAsync(question); // LLMT2004
}

using LlmTelemetry;
using Microsoft.Extensions.AI;

namespace AnalyzerDemo;

/// <summary>Operations the generator instruments, with less telemetry than they could have (LLMT0006, 0008, 0010, 0012, 0015).</summary>
public sealed partial class UsageMistakes(IChatClient chat)
{
    // The span is named 'chat' alone and gen_ai.request.model is missing: nothing says which model is asked.
    [LlmOperation(Provider = "openai")] // LLMT0006
    public partial Task<ChatResponse> AskAnyModelAsync([Prompt] string question);

    // gen_ai.provider.name is required on every GenAI span and metric.
    [LlmOperation(Model = "gpt-4o-mini")] // LLMT0008
    public partial Task<ChatResponse> AskSomeProviderAsync([Prompt] string question);

    // [Model] names the model chosen at run time; on an int it names nothing.
    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<ChatResponse> AskWithSeedAsync([Prompt] string question, [Model] int seed); // LLMT0010

    // A lazy query is not read twice: the span gets no document count or best score.
    [Retrieval(DataSource = "help-center")]
    public partial Task<IEnumerable<Article>> SearchAsync([Prompt] string query); // LLMT0015

    private Task<ChatResponse> AskAnyModelCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> AskSomeProviderCoreAsync(string question) => chat.GetResponseAsync(question);

    private Task<ChatResponse> AskWithSeedCoreAsync(string question, int seed) => chat.GetResponseAsync(question);

    private Task<IEnumerable<Article>> SearchCoreAsync(string query) => Task.FromResult(Enumerable.Empty<Article>());
}

/// <summary>A retrieved help-center article.</summary>
public sealed class Article
{
    [DocumentId]
    public string Id { get; init; } = "";

    // Scores are numbers; a string member is ignored.
    [DocumentScore] // LLMT0012
    public string Score { get; init; } = "";
}

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

/// <summary>A RAG flow as an application writes it: retrieve, then answer from the documents, with a guard on the answer.</summary>
public partial class RagPipeline(IChatClient chat)
{
    public async Task<string> AskAsync(string question)
    {
        IReadOnlyList<Article> documents = await RetrieveAsync(question);
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "Answer from these documents only:\n" + string.Join("\n", documents.Select(static d => d.Text))),
            new(ChatRole.User, question),
        ];
        ChatResponse response = await GenerateAsync(messages);
        return response.Text;
    }

    [Retrieval(DataSource = "help-center")]
    public partial Task<IReadOnlyList<Article>> RetrieveAsync([Prompt] string query, [TopK] int top = 2);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Name = "groundedness", Threshold = 0.7)]
    public partial Task<ChatResponse> GenerateAsync(IList<ChatMessage> messages);

    private Task<IReadOnlyList<Article>> RetrieveCoreAsync(string query, int top) =>
        Task.FromResult<IReadOnlyList<Article>>(RetrievalOperations.Articles.Take(top).ToArray());

    private Task<ChatResponse> GenerateCoreAsync(IList<ChatMessage> messages) => chat.GetResponseAsync(messages);
}

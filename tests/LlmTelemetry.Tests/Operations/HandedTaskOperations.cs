using System.Threading.Tasks;

namespace LlmTelemetry.Tests.Operations;

/// <summary>Operations whose implementations return the task a test hands them, so that the test decides when and how it ends.</summary>
public partial class HandedTaskOperations
{
    public Task<Completion> Reply { get; set; } = Task.FromResult(new Completion("done"));

    [LlmOperation(Provider = "openai", Model = "local-model")]
    public partial Task<Completion> ReplyAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "local-model")]
    public partial Task SendAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "local-model")]
    public partial ValueTask<Completion> ReplyValueAsync([Prompt] string prompt);

    private Task<Completion> ReplyCoreAsync(string prompt) => Reply;

    private Task SendCoreAsync(string prompt) => Reply;

    private ValueTask<Completion> ReplyValueCoreAsync(string prompt) => new(Reply);
}

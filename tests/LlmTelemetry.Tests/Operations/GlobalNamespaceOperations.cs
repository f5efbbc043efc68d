using LlmTelemetry;

#pragma warning disable CA1050 // a type in the global namespace is the point of this file

public partial class GlobalNamespaceOperations
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial string Ask([Prompt] string question);

    private string AskCore(string question) => "global: " + question;
}

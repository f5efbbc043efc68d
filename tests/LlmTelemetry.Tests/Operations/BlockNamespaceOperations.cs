namespace LlmTelemetry.Tests.Operations.Block
{
    public partial class BlockNamespaceOperations
    {
        [LlmOperation(Provider = "openai", Model = "gpt-4o")]
        public partial string Ask([LlmTelemetry.Prompt] string question);

        private string AskCore(string question) => "block: " + question;
    }
}

using System.Collections.Immutable;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>The well-known values of the GenAI conventions that the usage analyzer checks attribute arguments against.</summary>
internal static class WellKnownValues
{
    public static readonly ImmutableArray<string> OperationNames = ImmutableArray.Create(
        "chat", "create_agent", "create_memory", "create_memory_store", "delete_memory", "delete_memory_store",
        "embeddings", "execute_tool", "fetch_response", "generate_content", "invoke_agent", "invoke_workflow",
        "plan", "retrieval", "search_memory", "text_completion", "update_memory", "upsert_memory");

    public static readonly ImmutableArray<string> ProviderNames = ImmutableArray.Create(
        "anthropic", "aws.bedrock", "azure.ai.inference", "azure.ai.openai", "cohere", "deepseek", "gcp.gemini",
        "gcp.gen_ai", "gcp.vertex_ai", "groq", "ibm.watsonx.ai", "mistral_ai", "moonshot_ai", "openai",
        "perplexity", "x_ai");

    /// <summary>Operations that call a model and report token usage.</summary>
    public static bool ReportsTokenUsage(string operationName) =>
        operationName is "chat" or "text_completion" or "generate_content" or "embeddings";
}

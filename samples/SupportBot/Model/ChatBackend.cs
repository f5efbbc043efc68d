using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SupportBot.Model;

/// <summary>
/// The model the sample talks to, chosen from the standard environment variables: OpenAI when
/// <c>OPENAI_API_KEY</c> is set, a local Ollama (through its OpenAI-compatible endpoint) when <c>OLLAMA_HOST</c> is
/// set, otherwise the deterministic in-process model, so that the sample runs with no key and no network.
/// </summary>
/// <param name="Client">The chat client the assistant calls.</param>
/// <param name="Model">The model requested on each call (<c>gen_ai.request.model</c>).</param>
/// <param name="Description">What the sample prints about its choice.</param>
public sealed record ChatBackend(IChatClient Client, string Model, string Description)
{
    public static ChatBackend FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>The choice for the given variables (<paramref name="variable"/> returns null for a variable not set).</summary>
    public static ChatBackend FromVariables(Func<string, string?> variable)
    {
        if (NonEmpty(variable("OPENAI_API_KEY")) is { } apiKey)
        {
            string model = NonEmpty(variable("OPENAI_MODEL")) ?? "gpt-4o-mini";
            var options = new OpenAIClientOptions();
            if (NonEmpty(variable("OPENAI_BASE_URL")) is { } baseUrl)
            {
                options.Endpoint = new Uri(baseUrl);
            }

            return new ChatBackend(
                new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(apiKey), options).AsIChatClient(),
                model,
                $"OpenAI, model {model} at {options.Endpoint?.ToString() ?? "api.openai.com"} (OPENAI_API_KEY is set)");
        }

        if (NonEmpty(variable("OLLAMA_HOST")) is { } host)
        {
            // Ollama's own convention: OLLAMA_HOST may omit the scheme ("127.0.0.1:11434").
            var endpoint = new Uri((host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host).TrimEnd('/') + "/v1");
            string model = NonEmpty(variable("OLLAMA_MODEL")) ?? "llama3.2";
            return new ChatBackend(
                new OpenAI.Chat.ChatClient(model, new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = endpoint }).AsIChatClient(),
                model,
                $"Ollama, model {model} at {endpoint} (OLLAMA_HOST is set)");
        }

        return new ChatBackend(
            new KnowledgeBaseChatClient(),
            "gpt-4o-mini",
            "the in-process knowledge-base model (set OPENAI_API_KEY, or OLLAMA_HOST for a local Ollama, to use a real one)");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

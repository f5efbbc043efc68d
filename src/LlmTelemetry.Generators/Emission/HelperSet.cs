using System.Collections.Generic;

namespace LlmTelemetry.Generators.Emission;

/// <summary>The helpers one generated file needs in its nested helper class, collected while its methods are written.</summary>
internal sealed class HelperSet
{
    private readonly List<string> _classifications = new();

    public bool MeaiChatResponse { get; set; }
    public bool MeaiChatResponseUpdate { get; set; }
    public bool MeaiEmbeddings { get; set; }
    public bool MeaiMessages { get; set; }
    public bool OpenAIChatCompletion { get; set; }
    public bool OpenAIStreamingUpdate { get; set; }
    public bool OpenAIMessages { get; set; }

    public bool OpenAIResponses => OpenAIChatCompletion || OpenAIStreamingUpdate;

    public IReadOnlyList<string> Classifications => _classifications;

    /// <summary>The member that holds the classification built by <paramref name="expression"/>, one per distinct expression.</summary>
    public string Classification(string expression)
    {
        int index = _classifications.IndexOf(expression);
        if (index < 0)
        {
            index = _classifications.Count;
            _classifications.Add(expression);
        }

        return $"{RuntimeNames.HelperClass}.Classification{index}";
    }
}

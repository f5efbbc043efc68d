using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// What generated code names for the chosen release of the conventions: the set a descriptor records with, and the check
/// a body makes before anything else. The baseline writes what it always wrote, so that its output does not change.
/// </summary>
internal static class ConventionChoice
{
    /// <summary>The descriptor argument that names the release, or empty for the baseline (the descriptor's default).</summary>
    public static string DescriptorArgument(SemanticConventionsVersion version) => version switch
    {
        SemanticConventionsVersion.Latest => $", conventions: {RuntimeNames.LatestConventions}.Instance",
        SemanticConventionsVersion.Both => $", conventions: {RuntimeNames.BothConventions}.Instance",
        _ => string.Empty,
    };

    /// <summary>The idle check: whether anything listens to what this operation records under the chosen release.</summary>
    public static string IdleCheck(SemanticConventionsVersion version, string operationName, bool streaming)
    {
        if (version == SemanticConventionsVersion.Baseline)
        {
            return RuntimeNames.Scope + (streaming ? ".IsStreamEnabled" : ".IsEnabled");
        }

        string type = version == SemanticConventionsVersion.Latest ? RuntimeNames.LatestConventions : RuntimeNames.BothConventions;
        return $"{type}.Is{Family(operationName)}{(streaming ? "Stream" : string.Empty)}Enabled";
    }

    // The runtime tells the same families apart by the same names (OperationFamilies).
    private static string Family(string operationName) => operationName switch
    {
        "chat" or "text_completion" or "generate_content" => "Inference",
        "embeddings" => "Embeddings",
        "retrieval" => "Retrieval",
        _ => "Operation",
    };
}

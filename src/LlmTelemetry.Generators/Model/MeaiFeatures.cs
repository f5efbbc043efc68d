namespace LlmTelemetry.Generators.Model;

/// <summary>
/// Which optional members the referenced Microsoft.Extensions.AI version has, so that generated code only uses
/// what exists.
/// </summary>
internal sealed record MeaiFeatures(
    bool UsageCachedInputTokens,
    bool UsageReasoningTokens,
    bool ReasoningContent,
    bool OptionsTopK,
    bool OptionsSeed,
    bool OptionsInstructions,
    bool OptionsConversationId)
{
    public static MeaiFeatures None { get; } = new(false, false, false, false, false, false, false);
}

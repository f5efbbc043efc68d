namespace LlmTelemetry.Tests.Operations;

/// <summary>A user result type that tells LlmTelemetry what it carries through member attributes.</summary>
public sealed class Completion(string text)
{
    [ResponseText]
    public string Text { get; } = text;

    [InputTokens]
    public int PromptTokens { get; init; } = 10;

    [OutputTokens]
    public long? CompletionTokens { get; init; } = 20;

    [ResponseModel]
    public string Model { get; init; } = "local-model-1";

    [ResponseId]
    public string Id { get; init; } = "resp-1";

    [FinishReason]
    public CompletionEnd End { get; init; } = CompletionEnd.stop;
}

#pragma warning disable SA1300, IDE1006 // lower-case members, because the enum name is the finish reason recorded
public enum CompletionEnd
{
    stop,
    length,
}
#pragma warning restore SA1300, IDE1006

/// <summary>A streamed piece of a user result.</summary>
public readonly record struct CompletionChunk([property: ResponseText] string Text, [property: OutputTokens] int? Tokens = null);

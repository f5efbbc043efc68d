using System;

namespace LlmTelemetry.Tests.Operations;

/// <summary>A result whose token count cannot be read: telemetry must give up on it, not fail the call.</summary>
public sealed class FaultyUsage
{
    public string Text { get; init; } = "fine";

    [InputTokens]
    public int InputTokens => throw new InvalidOperationException("usage is not available");
}

public partial class FaultyResultOperations
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial FaultyUsage Complete([Prompt] string prompt);

    private FaultyUsage CompleteCore(string prompt) => new();
}

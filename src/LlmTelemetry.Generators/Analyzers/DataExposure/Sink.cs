namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>Where exposed text ends up; each kind is its own diagnostic, so each can be configured on its own.</summary>
internal enum SinkKind
{
    /// <summary>A logging framework (LLMT1001).</summary>
    Log,

    /// <summary>Console, Debug or Trace output (LLMT1002).</summary>
    ConsoleOutput,

    /// <summary>A span's tags, events, baggage or status (LLMT1003).</summary>
    Span,

    /// <summary>An exception's message (LLMT1004).</summary>
    ExceptionMessage,
}

/// <summary>A sink: its kind and how the diagnostic names it ("LogInformation", or "LogPrompt → LogInformation" for a wrapper).</summary>
internal sealed record Sink(SinkKind Kind, string Name)
{
    public Sink Through(string wrapper) => this with { Name = wrapper + " → " + Name };
}

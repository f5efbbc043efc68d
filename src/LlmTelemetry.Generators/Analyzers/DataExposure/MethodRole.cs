namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>How a sink depends on the receiver of the call.</summary>
internal enum SinkReceiver
{
    /// <summary>It does not: the method is a sink or is not.</summary>
    None,

    /// <summary>Invoking a <c>LoggerMessage.Define</c> delegate: named after the delegate.</summary>
    LoggingDelegate,

    /// <summary>A <c>TextWriter.Write*</c>: a sink when written to <c>Console.Out</c> or <c>Console.Error</c> (and the console is a log).</summary>
    ConsoleStream,
}

/// <summary>What a method is to the data-exposure analysis, apart from what <c>.editorconfig</c> lists.</summary>
internal sealed class MethodRole
{
    public Sink? Sink { get; set; }

    /// <summary>A <c>Console.Write*</c>: its <see cref="Sink"/> counts only where the console is a log.</summary>
    public bool WritesToConsole { get; set; }

    public SinkReceiver Receiver { get; set; }

    public bool ClassifiedArgumentsRedacted { get; set; }

    public bool IsLlmOperation { get; set; }

    public bool ReturnsPrompt { get; set; }

    public bool IsSanitizer { get; set; }
}

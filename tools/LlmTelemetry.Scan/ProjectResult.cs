using System.Collections.Generic;

namespace LlmTelemetry.Scan;

/// <summary>How the analysis of one project ended.</summary>
internal enum ProjectOutcome
{
    /// <summary>The generator and every analyzer ran to the end (crashes inside them are listed, not fatal).</summary>
    Completed,

    /// <summary>The project took longer than the timeout and stopped when cancelled.</summary>
    TimedOut,

    /// <summary>The project did not stop when cancelled; its process was killed.</summary>
    Hung,

    /// <summary>The child process died (a stack overflow, a fail-fast, the out-of-memory killer).</summary>
    ProcessDied,

    /// <summary>The tool itself failed on the project (unreadable sources, a bug of the tool).</summary>
    ToolFailed,
}

/// <summary>What the analysis of one project found; written as JSON by the child process, read by the parent.</summary>
internal sealed record ProjectResult
{
    public required string Name { get; init; }

    public ProjectOutcome Outcome { get; set; }

    public string? OutcomeDetail { get; set; }

    public int Files { get; set; }

    public int GeneratedFiles { get; set; }

    public bool IsTestProject { get; set; }

    public bool IsWeb { get; set; }

    public string OutputKind { get; set; } = "";

    /// <summary>Compiler errors: a measure of how much of the project bound with the references the tool has.</summary>
    public int CompilerErrors { get; set; }

    /// <summary>The commonest compiler errors, with a message each: what did not bind.</summary>
    public List<string> CompilerErrorSamples { get; set; } = [];

    public double Seconds { get; set; }

    public double ParseSeconds { get; set; }

    /// <summary>Seconds of each generator and analyzer, by type name, as the driver measured them.</summary>
    public Dictionary<string, double> Times { get; set; } = [];

    public List<Crash> Crashes { get; set; } = [];

    public List<Finding> Findings { get; set; } = [];
}

/// <param name="Kind">AD0001, CS8784, CS8785, GeneratorException, ProcessDeath, Hang or ToolError.</param>
/// <param name="Source">The analyzer or generator type that threw, or the project for a process death.</param>
/// <param name="ExceptionType">The exception's type, or for a process death what killed it.</param>
/// <param name="Text">The exception with its stack (and inner exceptions), or the dying process's error output.</param>
/// <param name="Context">Where the compiler says it happened (symbol, syntax node, file), when it says.</param>
internal sealed record Crash(string Kind, string Source, string ExceptionType, string Message, string Text, string? Context);

/// <param name="File">Relative to the scanned folder.</param>
internal sealed record Finding(string Id, string Severity, string File, int Line, int Column, string Message);

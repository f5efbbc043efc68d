namespace LlmTelemetry.Generators.Analyzers.DataExposure;

/// <summary>
/// What console output is to LLMT1002 (<c>llmtelemetry.data_exposure.console_output</c>): in a service the console is what
/// the log collector reads, so writing a completion there leaks it; in an interactive console app it is the user
/// interface, and printing the model's answer is the point. <c>Debug</c> and <c>Trace</c> output are sinks under every policy.
/// </summary>
internal enum ConsoleOutputPolicy
{
    /// <summary>A log in a service (a project that references ASP.NET Core, Microsoft.Extensions.Hosting or Azure Functions), the user interface otherwise.</summary>
    Auto,

    /// <summary>Always a log.</summary>
    Log,

    /// <summary>Never a log.</summary>
    UserInterface,
}

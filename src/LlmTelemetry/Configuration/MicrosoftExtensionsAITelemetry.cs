namespace LlmTelemetry;

/// <summary>
/// The names under which Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c> records, when no source name is passed to
/// it: its <c>ActivitySource</c> and its <c>Meter</c> share this one name (<c>OpenTelemetryConsts.DefaultSourceName</c>
/// in Microsoft.Extensions.AI).
/// </summary>
internal static class MicrosoftExtensionsAITelemetry
{
    public const string DefaultSourceName = "Experimental.Microsoft.Extensions.AI";
}

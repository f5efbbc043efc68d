namespace LlmTelemetry;

/// <summary>
/// The name under which Microsoft Agent Framework's <c>AsBuilder().UseOpenTelemetry()</c> records an agent's runs when
/// no source name is passed to it: its <c>ActivitySource</c> and its <c>Meter</c> share this one name
/// (<c>OpenTelemetryConsts.DefaultSourceName</c> in Microsoft.Agents.AI). It is the remedy the untraced-call analyzer
/// names for an agent run, so the setup the docs give must export it.
/// </summary>
internal static class MicrosoftAgentFrameworkTelemetry
{
    public const string DefaultSourceName = "Experimental.Microsoft.Agents.AI";
}

using System.Linq;
using System.Reflection;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>What the test project's build recorded for the test: where the dashboard is, and the versions to build the app with.</summary>
internal static class BuildSettings
{
    public static string AspireDashboard => Get("AspireDashboard");

    public static string MicrosoftExtensionsAIVersion => Get("MicrosoftExtensionsAIVersion");

    public static string OpenTelemetryVersion => Get("OpenTelemetryVersion");

    private static string Get(string key) =>
        typeof(BuildSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value ?? "";
}

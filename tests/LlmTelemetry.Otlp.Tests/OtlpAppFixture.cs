using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using LlmTelemetry.Package.Tests;
using Xunit;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>
/// Once for the test class: LlmTelemetry packed into a folder feed, the OTLP app built from it (warnings as errors), and
/// the Aspire dashboard started. Nothing is done where the dashboard is missing (the tests are skipped there).
/// </summary>
public sealed class OtlpAppFixture : IAsyncLifetime
{
    private readonly PackageFixture _package = new();

    public string AppDirectory { get; } = Path.Combine(Path.GetTempPath(), "llmtelemetry-otlp-app-" + Guid.NewGuid().ToString("N"));

    public string AppAssembly => Path.Combine(AppDirectory, "bin", "Release", "net10.0", "OtlpApp.dll");

    public AspireDashboard Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BuildSettings.AspireDashboard))
        {
            return;
        }

        await _package.InitializeAsync();
        Directory.CreateDirectory(AppDirectory);
        string source = Path.Combine(AppContext.BaseDirectory, "OtlpApp");
        foreach (string file in new[] { "Program.cs", "Assistant.cs" })
        {
            File.Copy(Path.Combine(source, file), Path.Combine(AppDirectory, file));
        }

        string project = (await File.ReadAllTextAsync(Path.Combine(source, "OtlpApp.csproj.template")))
            .Replace("$LLMTELEMETRY_VERSION$", _package.Version, StringComparison.Ordinal)
            .Replace("$MEAI_VERSION$", BuildSettings.MicrosoftExtensionsAIVersion, StringComparison.Ordinal)
            .Replace("$OPENTELEMETRY_VERSION$", BuildSettings.OpenTelemetryVersion, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(AppDirectory, "OtlpApp.csproj"), project);
        await _package.WriteNuGetConfigAsync(AppDirectory);
        await DotNet.RunAsync(AppDirectory, null, "build", "-c", "Release");
        Dashboard = await AspireDashboard.StartAsync(BuildSettings.AspireDashboard);
    }

    /// <summary>Runs the app once, exporting to <paramref name="endpoint"/> over <paramref name="protocol"/> as <paramref name="service"/>; returns the path of what it recorded in process.</summary>
    public async Task<string> RunAppAsync(string service, string protocol, string endpoint)
    {
        string recorded = Path.Combine(AppDirectory, service + ".json");
        await DotNet.RunAsync(AppDirectory, new Dictionary<string, string>
        {
            ["OTEL_SERVICE_NAME"] = service,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
            ["OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"] = "true",
        }, AppAssembly, recorded);
        return recorded;
    }

    public async Task DisposeAsync()
    {
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }

        await _package.DisposeAsync();
        try
        {
            Directory.Delete(AppDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}

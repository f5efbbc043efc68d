using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using LlmTelemetry.Package.Tests;
using Xunit;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>
/// Once for the test class: LlmTelemetry packed into a folder feed, the OTLP app built from it (warnings as errors) once
/// per semantic-convention release it can emit, and the Aspire dashboard started. Nothing is done where the dashboard is
/// missing (the tests are skipped there).
/// </summary>
public sealed class OtlpAppFixture : IAsyncLifetime
{
    /// <summary>The values of <c>LlmTelemetrySemanticConventions</c> the app is built with.</summary>
    public static readonly string[] Conventions = ["baseline", "latest"];

    private readonly PackageFixture _package = new();

    public string AppRoot { get; } = Path.Combine(Path.GetTempPath(), "llmtelemetry-otlp-app-" + Guid.NewGuid().ToString("N"));

    private string AppDirectory(string conventions) => Path.Combine(AppRoot, conventions);

    private string AppAssembly(string conventions) => Path.Combine(AppDirectory(conventions), "bin", "Release", "net10.0", "OtlpApp.dll");

    public AspireDashboard Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BuildSettings.AspireDashboard))
        {
            return;
        }

        await _package.InitializeAsync();
        string source = Path.Combine(AppContext.BaseDirectory, "OtlpApp");
        string template = await File.ReadAllTextAsync(Path.Combine(source, "OtlpApp.csproj.template"));
        foreach (string conventions in Conventions)
        {
            string app = AppDirectory(conventions);
            Directory.CreateDirectory(app);
            foreach (string file in new[] { "Program.cs", "Assistant.cs" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(app, file));
            }

            string project = template
                .Replace("$LLMTELEMETRY_VERSION$", _package.Version, StringComparison.Ordinal)
                .Replace("$MEAI_VERSION$", BuildSettings.MicrosoftExtensionsAIVersion, StringComparison.Ordinal)
                .Replace("$OPENTELEMETRY_VERSION$", BuildSettings.OpenTelemetryVersion, StringComparison.Ordinal)
                .Replace("$SEMANTIC_CONVENTIONS$", conventions, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(app, "OtlpApp.csproj"), project);
            await _package.WriteNuGetConfigAsync(app);
            await DotNet.RunAsync(app, null, "build", "-c", "Release");
        }

        Dashboard = await AspireDashboard.StartAsync(BuildSettings.AspireDashboard);
    }

    /// <summary>
    /// Runs the app built for <paramref name="conventions"/> once, exporting to <paramref name="endpoint"/> over
    /// <paramref name="protocol"/> as <paramref name="service"/>; returns the path of what it recorded in process.
    /// </summary>
    public async Task<string> RunAppAsync(string conventions, string service, string protocol, string endpoint)
    {
        string app = AppDirectory(conventions);
        string recorded = Path.Combine(app, service + ".json");
        await DotNet.RunAsync(app, new Dictionary<string, string>
        {
            ["OTEL_SERVICE_NAME"] = service,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
            ["OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"] = "true",
        }, AppAssembly(conventions), recorded);
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
            Directory.Delete(AppRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}

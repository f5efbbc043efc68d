using System;
using System.IO;
using System.Runtime.InteropServices;
using Xunit;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>
/// A test that needs the Aspire dashboard: skipped, saying why, only where its package could not be restored (it exists
/// for linux-x64 only). Anywhere it was restored, the test runs and fails on its own terms.
/// </summary>
public sealed class DashboardFactAttribute : FactAttribute
{
    public DashboardFactAttribute()
    {
        if (!(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64))
        {
            Skip = "The standalone Aspire dashboard package (Aspire.Dashboard.Sdk.linux-x64) runs on linux-x64 only.";
        }
        else if (!File.Exists(BuildSettings.AspireDashboard))
        {
            Skip = $"The Aspire dashboard was not restored to {BuildSettings.AspireDashboard} (Aspire.Dashboard.Sdk.linux-x64 could not be downloaded).";
        }
    }
}

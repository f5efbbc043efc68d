using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Otlp.Tests;

/// <summary>
/// The standalone Aspire dashboard, started on free loopback ports with anonymous access (as in its docs for local use),
/// and read through its telemetry API. Disposing it stops the process, whatever the test's outcome.
/// </summary>
public sealed class AspireDashboard : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _api;

    private AspireDashboard(Process process, int port, int grpcPort, int httpPort)
    {
        _process = process;
        OtlpGrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
        OtlpHttpEndpoint = $"http://127.0.0.1:{httpPort}";
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string OtlpGrpcEndpoint { get; }

    public string OtlpHttpEndpoint { get; }

    /// <summary>What the dashboard has printed so far: for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AspireDashboard> StartAsync(string executable)
    {
        int port = FreePort(), grpcPort = FreePort(), httpPort = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetDirectoryName(executable)!,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{grpcPort}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Process process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var dashboard = new AspireDashboard(process, port, grpcPort, httpPort);
        process.OutputDataReceived += (_, e) => dashboard.Append(e.Data);
        process.ErrorDataReceived += (_, e) => dashboard.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await dashboard.WaitUntilServingAsync();
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// GET on the telemetry API (<c>/api/telemetry/…</c>): its JSON, parsed; <see langword="null"/> for 404, which is what
    /// it answers for a resource it has received nothing from yet.
    /// </summary>
    public async Task<JsonDocument?> GetAsync(string path)
    {
        using HttpResponseMessage response = await _api.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Aspire dashboard exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using HttpResponseMessage response = await _api.GetAsync("/api/telemetry/resources", timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The Aspire dashboard did not serve its API within 60 s:\n{Output}");
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    // A port the system hands out now; the dashboard binds it a moment later (a race the test accepts: it fails loudly).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

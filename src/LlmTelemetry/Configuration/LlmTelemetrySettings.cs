using System;

namespace LlmTelemetry;

/// <summary>The options the generated instrumentation reads; replaced as a whole so readers never see a half-applied change.</summary>
internal static class LlmTelemetrySettings
{
    private static volatile LlmTelemetryOptions s_current = new();

    public static LlmTelemetryOptions Current => s_current;

    public static void Configure(Action<LlmTelemetryOptions> configure)
    {
        LlmTelemetryOptions options = s_current.Clone();
        configure(options);
        s_current = options;
    }

    /// <summary>Back to the defaults (environment variable included); for tests.</summary>
    internal static void Reset() => s_current = new LlmTelemetryOptions();
}

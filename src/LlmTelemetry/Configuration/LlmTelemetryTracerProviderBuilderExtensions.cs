using System;
using LlmTelemetry;
using LlmTelemetry.Instrumentation;

// Extension methods live in the builders' namespace, as OpenTelemetry's own AddXxxInstrumentation do.
namespace OpenTelemetry.Trace
{
    /// <summary>Adds LlmTelemetry spans to a tracer provider.</summary>
    public static class LlmTelemetryTracerProviderBuilderExtensions
    {
        /// <summary>
        /// Listens to the <c>LlmTelemetry</c> activity source, the source of every span the generated
        /// <c>[LlmOperation]</c> bodies start.
        /// </summary>
        /// <param name="builder">The tracer provider builder.</param>
        /// <param name="configure">Optional process-wide settings such as content capture.</param>
        /// <returns>The same builder.</returns>
        public static TracerProviderBuilder AddLlmTelemetry(this TracerProviderBuilder builder, Action<LlmTelemetryOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (configure is not null)
            {
                LlmTelemetrySettings.Configure(configure);
            }

            return builder.AddSource(LlmTelemetryInstruments.SourceName);
        }
    }
}

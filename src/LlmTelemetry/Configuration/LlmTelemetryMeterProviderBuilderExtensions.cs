using System;
using LlmTelemetry;
using LlmTelemetry.Instrumentation;

// Extension methods live in the builders' namespace, as OpenTelemetry's own AddXxxInstrumentation do.
namespace OpenTelemetry.Metrics
{
    /// <summary>Adds LlmTelemetry metrics to a meter provider.</summary>
    public static class LlmTelemetryMeterProviderBuilderExtensions
    {
        /// <summary>
        /// Listens to the <c>LlmTelemetry</c> meter: <c>gen_ai.client.operation.duration</c>,
        /// <c>gen_ai.client.token.usage</c> and, for streams, time to first chunk and time per output chunk,
        /// with the bucket boundaries the GenAI conventions advise; and to <c>Experimental.Microsoft.Extensions.AI</c>, the
        /// meter of Microsoft.Extensions.AI clients built with <c>UseOpenTelemetry()</c>, and <c>Experimental.Microsoft.Agents.AI</c>,
        /// that of Agent Framework agents built with it.
        /// </summary>
        /// <param name="builder">The meter provider builder.</param>
        /// <param name="configure">Optional process-wide settings such as content capture.</param>
        /// <returns>The same builder.</returns>
        public static MeterProviderBuilder AddLlmTelemetry(this MeterProviderBuilder builder, Action<LlmTelemetryOptions>? configure = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (configure is not null)
            {
                LlmTelemetrySettings.Configure(configure);
            }

            return builder.AddMeter(LlmTelemetryInstruments.MeterName, MicrosoftExtensionsAITelemetry.DefaultSourceName, MicrosoftAgentFrameworkTelemetry.DefaultSourceName);
        }
    }
}

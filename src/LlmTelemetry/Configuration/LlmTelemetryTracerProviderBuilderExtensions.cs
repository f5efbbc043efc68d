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
        /// <c>[LlmOperation]</c> bodies start, and to <c>Experimental.Microsoft.Extensions.AI</c>, the source of the spans
        /// of Microsoft.Extensions.AI clients built with <c>UseOpenTelemetry()</c> (the other remedy LlmTelemetry's code
        /// fixes apply), and <c>Experimental.Microsoft.Agents.AI</c>, that of Agent Framework agents built with it. Disposing the provider waits for queued background evaluations
        /// (up to <see cref="LlmTelemetryOptions.BackgroundEvaluationShutdownTimeout"/>) before its exporters shut down.
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

            // Disposing the provider disposes its instrumentations first: the drain lets queued background evaluations
            // finish while the processors and exporters can still send what they record.
            return builder
                .AddSource(LlmTelemetryInstruments.SourceName, MicrosoftExtensionsAITelemetry.DefaultSourceName, MicrosoftAgentFrameworkTelemetry.DefaultSourceName)
                .AddInstrumentation(static () => new BackgroundEvaluationDrain());
        }
    }
}

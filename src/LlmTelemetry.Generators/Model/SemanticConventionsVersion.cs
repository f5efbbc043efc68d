namespace LlmTelemetry.Generators.Model;

/// <summary>The release of the GenAI semantic conventions the build chose (<c>LlmTelemetrySemanticConventions</c>).</summary>
internal enum SemanticConventionsVersion
{
    /// <summary><c>baseline</c>, the default: the 2026-08-03 names Microsoft.Extensions.AI emits.</summary>
    Baseline,

    /// <summary><c>latest</c>: v0.1.0.</summary>
    Latest,

    /// <summary><c>both</c>: the metrics of both, spans as <see cref="Latest"/>.</summary>
    Both,
}

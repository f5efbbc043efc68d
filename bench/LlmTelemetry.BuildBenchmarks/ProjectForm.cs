namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// How <c>write</c> lays a synthetic project out for csc. The three forms of one project compile the same code, so
/// the differences of their build times are what LlmTelemetry adds to a build — measured without
/// <c>-p:ReportAnalyzer=true</c>, whose shares charge an analyzer for binding another would have waited on too.
/// </summary>
internal enum ProjectForm
{
    /// <summary>LlmTelemetry as the package ships it: the generator and every analyzer.</summary>
    AsShipped,

    /// <summary>The generator runs; every LLMT diagnostic is turned off, so csc runs none of LlmTelemetry's analyzers.</summary>
    AnalyzersOff,

    /// <summary>
    /// No LlmTelemetry generator or analyzer: the code it generates is written beside the sources as plain
    /// <c>.g.cs</c> files, so the compiler binds and emits the same bodies. For the <c>[LoggerMessage]</c> calibration,
    /// the logging generator is turned off instead and run.sh copies what it generated.
    /// </summary>
    GeneratedCodeAsSources,
}

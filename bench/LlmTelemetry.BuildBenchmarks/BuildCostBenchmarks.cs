using BenchmarkDotNet.Attributes;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// What LlmTelemetry adds to a build, under BenchmarkDotNet: the synthetic project built (<see cref="SyntheticBuild"/>)
/// in the three forms <c>bench/BuildTime/run.sh</c> builds with csc — the generated code as plain sources without
/// LlmTelemetry (the baseline), the generator without LlmTelemetry's analyzers, and as shipped. Its allocation column
/// is steady; its times are not, on a machine where consecutive cases drift by more than the budget: the time budget is
/// decided by <see cref="PairedBuildCost"/>, which alternates the forms.
/// </summary>
[MemoryDiagnoser]
public class BuildCostBenchmarks
{
    private SyntheticBuild _build = null!;

    [Params("with", "with-flow-logs")]
    public string Project { get; set; } = "with";

    [GlobalSetup]
    public void Setup() => _build = new SyntheticBuild(Project);

    [Benchmark(Baseline = true, Description = "No LlmTelemetry, generated code as plain sources")]
    public int GeneratedCodeAsSources() => _build.Run(ProjectForm.GeneratedCodeAsSources);

    [Benchmark(Description = "The generator, LlmTelemetry's analyzers off")]
    public int AnalyzersOff() => _build.Run(ProjectForm.AnalyzersOff);

    [Benchmark(Description = "As shipped: the generator and LlmTelemetry's analyzers")]
    public int AsShipped() => _build.Run(ProjectForm.AsShipped);
}

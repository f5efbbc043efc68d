using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// What the generated code costs the compiler after the generator has run: binding and emitting the synthetic
/// project with its generated bodies, against the same project written without LlmTelemetry. Each invocation
/// compiles a fresh copy (<see cref="Compilation.Clone"/>), so nothing bound by an earlier one is reused.
/// </summary>
[MemoryDiagnoser]
public class GeneratedCodeCompileBenchmarks
{
    private Compilation _without = null!;
    private Compilation _with = null!;

    [GlobalSetup]
    public void Setup()
    {
        _without = SyntheticCompilation.Create(SyntheticProject.Default(withLlmTelemetry: false));
        Compilation generated = SyntheticCompilation.WithGeneratedCode(SyntheticCompilation.Create(SyntheticProject.Default(withLlmTelemetry: true)));
        // Only the trees: the generator has run, and this measures the compiler alone.
        _with = ((CSharpCompilation)_without).RemoveAllSyntaxTrees().AddSyntaxTrees(generated.SyntaxTrees);
        SyntheticCompilation.AssertCompiles(_without);
    }

    [Benchmark(Baseline = true, Description = "Compile without LlmTelemetry")]
    public EmitResult Without() => Emit(_without);

    [Benchmark(Description = "Compile with the generated code")]
    public EmitResult With() => Emit(_with);

    private static EmitResult Emit(Compilation compilation) => SyntheticCompilation.Emit(compilation.Clone());
}

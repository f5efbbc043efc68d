using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmTelemetry.BuildBenchmarks;

/// <summary>
/// IDE responsiveness: the generator re-run after a keystroke inside one method body, against a full run over the
/// same 200-file project. Every invocation edits a fresh compilation, as each keystroke does. The same two runs of
/// <see cref="AttributeLookupFloorGenerator"/> show the part of each that any generator built on
/// <c>ForAttributeWithMetadataName</c> pays.
/// </summary>
[MemoryDiagnoser]
public class GeneratorEditBenchmarks
{
    private const int EditedFile = 100;

    private SyntheticProject _project = null!;
    private CSharpCompilation _user = null!;
    private SyntaxTree _editedTree = null!;
    private GeneratorDriver _driver = null!;
    private int _keystrokes;

    [Params("LlmOperationGenerator", "AttributeLookupFloor")]
    public string Generator { get; set; } = "LlmOperationGenerator";

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticProject.Default(withLlmTelemetry: true);
        _user = SyntheticCompilation.Create(_project);
        _editedTree = _user.SyntaxTrees.ElementAt(EditedFile);
        _driver = NewDriver().RunGenerators(_user);
    }

    [Benchmark(Baseline = true, Description = "Full run")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(Keystroke());

    [Benchmark(Description = "Re-run after an edit inside one method body")]
    public GeneratorDriver RunAfterEdit() => _driver = _driver.RunGenerators(Keystroke());

    private GeneratorDriver NewDriver() =>
        SyntheticCompilation.CreateDriver(Generator == "AttributeLookupFloor" ? new AttributeLookupFloorGenerator() : null);

    private CSharpCompilation Keystroke()
    {
        SyntaxTree edited = SyntheticCompilation.Parse(_project.File(EditedFile, ++_keystrokes), _editedTree.FilePath);
        return _user.ReplaceSyntaxTree(_editedTree, edited);
    }
}

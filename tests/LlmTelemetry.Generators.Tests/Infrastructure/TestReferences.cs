using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// What test compilations reference, all from this machine: the .NET 10 reference assemblies bundled in
/// Basic.Reference.Assemblies, and the LlmTelemetry, Microsoft.Extensions.AI, OpenAI and compliance assemblies the
/// test project itself restored. Nothing is downloaded at test time.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> Framework { get; } = Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    public static ImmutableArray<MetadataReference> Libraries { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(LlmOperationAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Compliance.Classification.DataClassification).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.ChatResponse).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.ChatClientBuilder).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(OpenAI.Chat.ChatCompletion).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(System.ClientModel.ClientResult).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(System.BinaryData).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.VectorData.VectorSearchResult<>).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.Evaluation.IEvaluator).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.SemanticKernel.Kernel).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.SemanticKernel.KernelExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(OllamaSharp.OllamaApiClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Azure.AI.OpenAI.AzureOpenAIClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Azure.Core.TokenCredential).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Serilog.ILogger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(NLog.Logger).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(log4net.ILog).Assembly.Location));

    /// <summary>The framework and LlmTelemetry only: a compilation that knows no client library.</summary>
    public static ImmutableArray<MetadataReference> WithoutClientLibraries { get; } = Framework.AddRange(Libraries.Take(2));

    public static ImmutableArray<MetadataReference> All { get; } = Framework.AddRange(Libraries);

    /// <summary>The generic host (Microsoft.Extensions.Hosting and its abstractions): not in <see cref="All"/>, since it makes a project a possible service.</summary>
    public static ImmutableArray<MetadataReference> GenericHost { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Hosting.Host).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Hosting.IHost).Assembly.Location));

    /// <summary>
    /// Microsoft Agent Framework: not in <see cref="All"/>, since it declares a second
    /// <c>Microsoft.Extensions.AI.ChatClientExtensions</c> (which every other test would then resolve around).
    /// </summary>
    public static ImmutableArray<MetadataReference> AgentFramework { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.AIAgent).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.ChatClientAgent).Assembly.Location));

    /// <summary>
    /// An assembly named <paramref name="name"/> holding <paramref name="source"/> (or nothing): what a project references
    /// when only the name matters (a hosting framework) or when a test needs a library's shape without the library.
    /// </summary>
    public static MetadataReference Assembly(string name, string source = "")
    {
        Compilation library = GeneratorHarness.Compilation(All, source).WithAssemblyName(name);
        using var image = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = library.Emit(image);
        Xunit.Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}

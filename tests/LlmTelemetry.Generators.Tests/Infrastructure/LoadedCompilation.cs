using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// A compilation emitted and loaded into a collectible load context, so that a test can run what the generator wrote;
/// disposing unloads it.
/// </summary>
internal sealed class LoadedCompilation : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedCompilation(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <summary>Emits <paramref name="compilation"/> (failing the test if it does not emit) and loads it.</summary>
    public static LoadedCompilation Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        EmitResult emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new LoadedCompilation(context, context.LoadFromStream(image));
    }

    public Type GetType(string name) => Assembly.GetType(name) ?? throw new InvalidOperationException($"No type '{name}' in the compilation.");

    public void Dispose() => _context.Unload();
}

using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>
/// Finds a library type by metadata name where another referenced assembly declares a type of the same name: a
/// compilation's own <see cref="Compilation.GetTypeByMetadataName"/> answers <see langword="null"/> then.
/// </summary>
/// <remarks>
/// It happens in real projects: Microsoft Agent Framework (Microsoft.Agents.AI) declares a public
/// <c>Microsoft.Extensions.AI.ChatClientExtensions</c> beside Microsoft.Extensions.AI's, which hid every
/// <c>GetResponseAsync(string)</c> call from the analyzers. Of several candidates the compilation's own type wins, then
/// the one declared in the assembly whose name shares the longest prefix with the type's namespace (the library that
/// owns the namespace: Microsoft.Extensions.AI.Abstractions for <c>Microsoft.Extensions.AI</c>).
/// </remarks>
internal static class WellKnownTypeLookup
{
    public static INamedTypeSymbol? GetWellKnownType(this Compilation compilation, string metadataName)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } unique)
        {
            return unique;
        }

        INamedTypeSymbol? best = null;
        int bestScore = -1;
        foreach (INamedTypeSymbol candidate in compilation.GetTypesByMetadataName(metadataName))
        {
            int score = SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly)
                ? int.MaxValue
                : compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly) ? SharedPrefixLength(candidate.ContainingAssembly.Name, metadataName) : -1;
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static int SharedPrefixLength(string assemblyName, string metadataName)
    {
        int length = 0;
        while (length < assemblyName.Length && length < metadataName.Length && assemblyName[length] == metadataName[length])
        {
            length++;
        }

        return length;
    }
}

namespace LlmTelemetry.Generators.Model;

/// <summary>The type an operation method is declared in, with every type around it, outermost first.</summary>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="Declarations">The partial declarations to reopen, outermost first.</param>
/// <param name="MetadataName">A unique, file-name-safe name of the innermost type, for the hint name.</param>
internal sealed record ContainingTypeModel(
    string? Namespace,
    EquatableArray<TypeDeclarationModel> Declarations,
    string MetadataName);

/// <summary>One <c>partial</c> type declaration to reopen.</summary>
/// <param name="Keyword">What comes before the name, for example <c>static partial class</c> or <c>readonly partial record struct</c>.</param>
/// <param name="NameWithTypeParameters">The name with its type parameter list, for example <c>Cache&lt;TKey, TValue&gt;</c>.</param>
internal sealed record TypeDeclarationModel(string Keyword, string NameWithTypeParameters);

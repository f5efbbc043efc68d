namespace LlmTelemetry.Generators.Model;

/// <summary>
/// An operation method in a type, or a type nested in one, that is not <c>partial</c> (LLMT0002). The generator reports
/// this error itself: no generated file can reopen such a type, so the compiler's own errors (CS0751, CS8795) remain, and
/// csc runs no analyzer once it has an error of its own.
/// </summary>
/// <param name="TypeName">The name of the first type, outermost first, that is not partial.</param>
/// <param name="MethodName">The operation method.</param>
/// <param name="FilePath">The file of that type's declaration.</param>
/// <param name="Start">Where its name starts in that file.</param>
/// <param name="Length">The length of its name.</param>
internal sealed record TypeNotPartialModel(string TypeName, string MethodName, string FilePath, int Start, int Length);

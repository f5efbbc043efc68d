using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes the placeholder body of an operation method that a usage error keeps from being instrumented (see
/// <see cref="BlockedOperationModel"/>): it throws, naming the error, and is never reached while that error fails the build.
/// </summary>
internal static class BlockedOperationEmitter
{
    public static void Emit(SourceWriter writer, BlockedOperationModel method, string generatedCodeAttribute)
    {
        string message = $"LlmTelemetry could not instrument '{method.Name}': fix error {method.DiagnosticId} reported on its declaration.";

        writer.Line($"// Not instrumented: error {method.DiagnosticId} on the declaration says why and fails the build. This body only keeps the");
        writer.Line("// compiler from reporting CS8795 instead, which would hide that error from dotnet build.");
        writer.Line(generatedCodeAttribute);
        OperationBodyEmitter.WriteSignature(writer, $"{method.Modifiers} {method.ReturnType} {method.Name}{method.TypeParameters}", method.Parameters, static p => p.DeclarationPrefix, method.ConstraintClauses);

        writer.Open();
        writer.Line($"throw new global::System.InvalidOperationException({SymbolDisplay.FormatLiteral(message, quote: true)});");
        writer.Close();
    }
}

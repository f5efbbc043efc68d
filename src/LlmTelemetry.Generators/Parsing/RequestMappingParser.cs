using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Finds, among an operation's parameters, the run-time model, the request options and the prompt content.</summary>
internal static class RequestMappingParser
{
    public static RequestMappingModel Map(IMethodSymbol method, KnownTypes known, List<Diagnostic> diagnostics)
    {
        string? modelParameter = null;
        OptionsParameterModel? options = null;
        var contents = new List<ContentParameterModel>();

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            bool isPrompt = HasAttribute(parameter, known.PromptAttribute);
            bool isModel = HasAttribute(parameter, known.ModelAttribute);
            bool isInstructions = HasAttribute(parameter, known.SystemInstructionsAttribute);
            bool isString = parameter.Type.SpecialType == SpecialType.System_String;
            string name = SymbolFormatting.Identifier(parameter.Name);

            if ((isPrompt || isModel || isInstructions) && parameter.RefKind == RefKind.Out)
            {
                Report(diagnostics, parameter, $"Parameter '{parameter.Name}' is an 'out' parameter and carries nothing into the request; remove its LlmTelemetry attribute");
                continue;
            }

            if (isModel)
            {
                if (!isString)
                {
                    Report(diagnostics, parameter, $"[Model] marks the string parameter that names the model, but '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'; the attribute is ignored");
                }
                else if (modelParameter is not null)
                {
                    Report(diagnostics, parameter, $"Only one parameter can be [Model]; '{parameter.Name}' is ignored");
                }
                else
                {
                    modelParameter = name;
                }
            }

            if (isInstructions)
            {
                if (isString)
                {
                    contents.Add(Content(parameter, ContentKind.SystemInstructions, known));
                }
                else
                {
                    Report(diagnostics, parameter, $"[SystemInstructions] marks a string parameter, but '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'; the attribute is ignored");
                }

                continue;
            }

            ContentKind? messages = MessageKind(parameter.Type, known);
            if (messages is not null && parameter.RefKind != RefKind.Out)
            {
                // Chat messages are the prompt whether or not they are marked.
                contents.Add(Content(parameter, messages.Value, known));
                continue;
            }

            if (isPrompt)
            {
                if (isString)
                {
                    contents.Add(Content(parameter, ContentKind.PromptText, known));
                }
                else
                {
                    Report(diagnostics, parameter, $"[Prompt] marks a string or chat-message parameter, but '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'; its content is not recorded");
                }

                continue;
            }

            if (options is null && parameter.RefKind != RefKind.Out && OptionsKindOf(parameter.Type, known) is { } optionsKind)
            {
                options = new OptionsParameterModel(name, SymbolFormatting.Type(parameter.Type), optionsKind);
            }
        }

        return new RequestMappingModel(modelParameter, options, contents.ToEquatableArray());
    }

    private static ContentParameterModel Content(IParameterSymbol parameter, ContentKind kind, KnownTypes known) =>
        new(SymbolFormatting.Identifier(parameter.Name), SymbolFormatting.Type(parameter.Type), kind, ClassificationFactory.Expression(parameter, known));

    private static OptionsKind? OptionsKindOf(ITypeSymbol type, KnownTypes known)
    {
        if (ResultMappingParser.DerivesFrom(type, known.MeaiChatOptions))
        {
            return OptionsKind.MeaiChat;
        }

        if (ResultMappingParser.DerivesFrom(type, known.MeaiEmbeddingGenerationOptions))
        {
            return OptionsKind.MeaiEmbedding;
        }

        return ResultMappingParser.DerivesFrom(type, known.OpenAIChatCompletionOptions) ? OptionsKind.OpenAIChat : null;
    }

    private static ContentKind? MessageKind(ITypeSymbol type, KnownTypes known)
    {
        if (ResultMappingParser.DerivesFrom(type, known.MeaiChatMessage))
        {
            return ContentKind.MeaiMessage;
        }

        if (ResultMappingParser.DerivesFrom(type, known.OpenAIChatMessage))
        {
            return ContentKind.OpenAIMessage;
        }

        ITypeSymbol? element = EnumerableElement(type, known);
        if (element is null)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(element, known.MeaiChatMessage))
        {
            return ContentKind.MeaiMessages;
        }

        return SymbolEqualityComparer.Default.Equals(element, known.OpenAIChatMessage) ? ContentKind.OpenAIMessages : null;
    }

    private static ITypeSymbol? EnumerableElement(ITypeSymbol type, KnownTypes known)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.EnumerableOfT))
        {
            return named.TypeArguments[0];
        }

        return type.AllInterfaces
            .FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known.EnumerableOfT))
            ?.TypeArguments[0];
    }

    private static bool HasAttribute(IParameterSymbol parameter, INamedTypeSymbol? attribute) =>
        attribute is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static void Report(List<Diagnostic> diagnostics, IParameterSymbol parameter, string message) =>
        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ParameterAttributeMisuse, parameter.Locations.FirstOrDefault(), message));
}

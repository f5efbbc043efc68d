using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LlmTelemetry.Generators.Parsing;

/// <summary>Finds, among an operation's parameters, the run-time model, the request options and the prompt content.</summary>
internal static class RequestMappingParser
{
    public static RequestMappingModel Map(IMethodSymbol method, bool isRetrieval, KnownTypes known, List<Diagnostic> diagnostics)
    {
        string? modelParameter = null;
        string? dataSourceParameter = null;
        ParameterReferenceModel? topK = null;
        OptionsParameterModel? options = null;
        var contents = new List<ContentParameterModel>();

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            bool isPrompt = HasAttribute(parameter, known.PromptAttribute);
            bool isDataSource = HasAttribute(parameter, known.DataSourceAttribute);
            bool isTopK = HasAttribute(parameter, known.TopKAttribute);
            bool isModel = HasAttribute(parameter, known.ModelAttribute);
            bool isInstructions = HasAttribute(parameter, known.SystemInstructionsAttribute);
            bool isString = parameter.Type.SpecialType == SpecialType.System_String;
            string name = SymbolFormatting.Identifier(parameter.Name);

            if ((isPrompt || isModel || isInstructions || isDataSource || isTopK) && parameter.RefKind == RefKind.Out)
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

            if (isDataSource || isTopK)
            {
                if (!isRetrieval)
                {
                    Report(diagnostics, parameter, $"[{(isDataSource ? "DataSource" : "TopK")}] on '{parameter.Name}' has no effect: '{method.Name}' is not a [Retrieval] method");
                }
                else if (isDataSource && !isString)
                {
                    Report(diagnostics, parameter, $"[DataSource] marks the string parameter that names the data source, but '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'; the attribute is ignored");
                }
                else if (isDataSource)
                {
                    dataSourceParameter ??= name;
                }
                else if (!IsInteger(parameter.Type))
                {
                    Report(diagnostics, parameter, $"[TopK] marks an integer parameter, but '{parameter.Name}' is '{parameter.Type.ToDisplayString()}'; the attribute is ignored");
                }
                else
                {
                    topK ??= new ParameterReferenceModel(name, SymbolFormatting.Type(parameter.Type));
                }

                continue;
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
                    contents.Add(Content(parameter, isRetrieval ? ContentKind.RetrievalQuery : ContentKind.PromptText, known));
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

        return new RequestMappingModel(modelParameter, options, contents.ToEquatableArray(), dataSourceParameter, topK);
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

    private static bool IsInteger(ITypeSymbol type)
    {
        ITypeSymbol underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        return underlying.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_UInt32 or SpecialType.System_Byte or SpecialType.System_SByte;
    }

    private static bool HasAttribute(IParameterSymbol parameter, INamedTypeSymbol? attribute) =>
        attribute is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static void Report(List<Diagnostic> diagnostics, IParameterSymbol parameter, string message) =>
        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ParameterAttributeMisuse, parameter.Locations.FirstOrDefault(), message));
}

using System.Collections.Generic;
using System.Linq;
using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// Writes the lambda that records request details (settings, prompt content) when the span records. It reads
/// the arguments from a value passed beside it — one parameter, or a tuple of several — so it captures nothing.
/// </summary>
internal static class RequestRecorderEmitter
{
    /// <summary>The recorder of an operation, or <see langword="null"/> when there is nothing to record.</summary>
    public static RequestRecorder? Create(OperationMethodModel operation, LocalNames names, HelperSet helpers)
    {
        RequestMappingModel request = operation.Request;
        if (request is { Options: null, TopK: null, Contents: { Count: 1 } contents } && contents[0] is { Kind: ContentKind.PromptText, Classification: null } prompt)
        {
            return new RequestRecorder(prompt.Type, prompt.Name, RuntimeNames.UserPromptRecorder, IsShared: true);
        }

        var stateParameters = new List<(string Name, string Type)>();
        if (request.Options is { } options)
        {
            stateParameters.Add((options.Name, options.Type));
        }

        foreach (ContentParameterModel content in request.Contents)
        {
            stateParameters.Add((content.Name, content.Type));
        }

        if (request.TopK is { } topK)
        {
            stateParameters.Add((topK.Name, topK.Type));
        }

        if (stateParameters.Count == 0)
        {
            return null;
        }

        string Argument(string name)
        {
            if (stateParameters.Count == 1)
            {
                return names.LambdaArguments;
            }

            int index = stateParameters.FindIndex(p => p.Name == name);
            return $"{names.LambdaArguments}.Item{index + 1}";
        }

        var body = new SourceWriter();
        if (request.Options is { } optionsParameter)
        {
            WriteOptions(body, optionsParameter, Argument(optionsParameter.Name), operation.Meai, names);
        }

        if (request.TopK is { } topKParameter)
        {
            body.Line($"{names.LambdaScope}.SetTag({RuntimeNames.Attributes}.RetrievalTopK, (long?){Argument(topKParameter.Name)});");
        }

        WriteContents(body, request.Contents, Argument, names, helpers);
        string bodyText = body.Finish();
        if (bodyText.Length == 0)
        {
            return null;
        }

        string stateType = stateParameters.Count == 1
            ? stateParameters[0].Type
            : "(" + string.Join(", ", stateParameters.Select(static p => p.Type)) + ")";
        string stateExpression = stateParameters.Count == 1
            ? stateParameters[0].Name
            : "(" + string.Join(", ", stateParameters.Select(static p => p.Name)) + ")";
        string lambda = $"static (ref {RuntimeNames.Scope} {names.LambdaScope}, {stateType} {names.LambdaArguments}) =>\n{{\n{Indent(bodyText)}}}";
        return new RequestRecorder(stateType, stateExpression, lambda);
    }

    private static void WriteOptions(SourceWriter body, OptionsParameterModel options, string argument, MeaiFeatures meai, LocalNames names)
    {
        string s = names.LambdaScope;
        string o = names.Options;
        var statements = new List<string>();
        void Tag(string attribute, string value) => statements.Add($"{s}.SetTag({RuntimeNames.Attributes}.{attribute}, {value});");

        switch (options.Kind)
        {
            case OptionsKind.MeaiChat:
                Tag("RequestTemperature", $"{o}.Temperature");
                Tag("RequestMaxTokens", $"(long?){o}.MaxOutputTokens");
                Tag("RequestTopP", $"{o}.TopP");
                if (meai.OptionsTopK)
                {
                    Tag("RequestTopK", $"(long?){o}.TopK");
                }

                Tag("RequestFrequencyPenalty", $"{o}.FrequencyPenalty");
                Tag("RequestPresencePenalty", $"{o}.PresencePenalty");
                if (meai.OptionsSeed)
                {
                    Tag("RequestSeed", $"(long?){o}.Seed");
                }

                Tag("RequestStopSequences", $"{o}.StopSequences");
                if (meai.OptionsConversationId)
                {
                    Tag("ConversationId", $"{o}.ConversationId");
                }

                Tag("OutputType", $"{o}.ResponseFormat is global::Microsoft.Extensions.AI.ChatResponseFormatJson ? \"json\" : {o}.ResponseFormat is global::Microsoft.Extensions.AI.ChatResponseFormatText ? \"text\" : null");

                if (meai.OptionsInstructions)
                {
                    statements.Add($"{s}.SetSystemInstructions({o}.Instructions);");
                }

                break;
            case OptionsKind.OpenAIChat:
                Tag("RequestTemperature", $"{o}.Temperature");
                Tag("RequestMaxTokens", $"(long?){o}.MaxOutputTokenCount");
                Tag("RequestTopP", $"{o}.TopP");
                Tag("RequestFrequencyPenalty", $"{o}.FrequencyPenalty");
                Tag("RequestPresencePenalty", $"{o}.PresencePenalty");
                Tag("RequestStopSequences", $"{o}.StopSequences");
                break;
            case OptionsKind.MeaiEmbedding:
                break; // its model id is read before the span starts; nothing else has an attribute
        }

        if (statements.Count == 0)
        {
            return;
        }

        body.Open($"if ({argument} is {{ }} {o})");
        foreach (string statement in statements)
        {
            body.Line(statement);
        }

        body.Close();
    }

    private static void WriteContents(SourceWriter body, EquatableArray<ContentParameterModel> contents, System.Func<string, string> argument, LocalNames names, HelperSet helpers)
    {
        if (contents.Count == 0)
        {
            return;
        }

        string s = names.LambdaScope;
        string m = names.Messages;
        bool hasMessages = contents.Any(static c => c.Kind is not (ContentKind.SystemInstructions or ContentKind.RetrievalQuery));
        body.Open($"if ({s}.IsCapturingContent)");
        if (hasMessages)
        {
            body.Line($"var {m} = {RuntimeNames.ContentWriter}.ForMessages();");
        }

        foreach (ContentParameterModel content in contents)
        {
            string value = argument(content.Name);
            string classification = content.Classification is null ? "null" : helpers.Classification(content.Classification);
            switch (content.Kind)
            {
                case ContentKind.PromptText:
                    body.Line($"{m}.WriteTextMessage(\"user\", {value}, {classification});");
                    break;
                case ContentKind.SystemInstructions:
                    body.Line($"{s}.SetSystemInstructions({value}, {classification});");
                    break;
                case ContentKind.RetrievalQuery:
                    body.Line($"{s}.SetRetrievalQuery({value}, {classification});");
                    break;
                case ContentKind.MeaiMessage:
                    body.Line($"{RuntimeNames.MeaiReaders}.WriteChatMessage({m}, {value}, {classification}, null);");
                    break;
                case ContentKind.MeaiMessages:
                    body.Line($"{RuntimeNames.MeaiReaders}.WriteChatMessages({m}, {value}, {classification}, null);");
                    break;
                case ContentKind.OpenAIMessage:
                    body.Line($"{RuntimeNames.OpenAIReaders}.WriteOpenAIMessage({m}, {value}, {classification});");
                    break;
                case ContentKind.OpenAIMessages:
                    body.Line($"{RuntimeNames.OpenAIReaders}.WriteOpenAIMessages({m}, {value}, {classification});");
                    break;
            }
        }

        if (hasMessages)
        {
            body.Line($"{s}.SetContent({RuntimeNames.Attributes}.InputMessages, {m});");
        }

        body.Close();
    }

    internal static string Indent(string text) =>
        string.Concat(text.Split('\n').Select(static line => line.Length == 0 ? string.Empty : "    " + line + "\n"));
}

/// <summary>
/// A request recorder: the state type, the expression that builds the state, and the lambda — or, when
/// <paramref name="IsShared"/>, the runtime library's recorder that fits it.
/// </summary>
internal sealed record RequestRecorder(string StateType, string StateExpression, string Lambda, bool IsShared = false);

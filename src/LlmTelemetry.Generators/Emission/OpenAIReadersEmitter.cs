using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// The members of the shared <c>OpenAIReaders</c> class that read OpenAI .NET SDK types: only those the
/// compilation's operations use.
/// They use no member the SDK marks experimental, so they compile without suppressing its diagnostics.
/// </summary>
internal static class OpenAIReadersEmitter
{
    private const string Chat = "global::OpenAI.Chat";

    public static void Emit(SourceWriter writer, ReaderSet readers)
    {
        if (readers.OpenAIChatCompletion)
        {
            writer.Lines($$"""
                // The recorder operations returning this type share (its parameter is contravariant: derived types too).
                internal static readonly {{RuntimeNames.ResultRecorder}}<{{Chat}}.ChatCompletion?> ChatCompletionRecorder = RecordChatCompletion;

                internal static void RecordChatCompletion(ref {{RuntimeNames.Scope}} scope, {{Chat}}.ChatCompletion? completion)
                {
                    if (completion is null)
                    {
                        return;
                    }

                    scope.SetResponseModel(completion.Model);
                    scope.SetResponseId(completion.Id);
                    string finishReason = FinishReason(completion.FinishReason);
                    scope.AddFinishReason(finishReason);
                    RecordUsage(ref scope, completion.Usage);
                    if (scope.IsCapturingContent)
                    {
                        var messages = {{RuntimeNames.ContentWriter}}.ForMessages();
                        messages.BeginMessage("assistant");
                        WriteOpenAIParts(messages, completion.Content, null);
                        foreach (var call in completion.ToolCalls)
                        {
                            messages.WriteToolCallPartWithJsonArguments(call.Id, call.FunctionName, call.FunctionArguments?.ToString());
                        }

                        messages.EndMessage(finishReason);
                        scope.SetOutputMessages(messages);
                    }
                }

                """);
        }

        if (readers.OpenAIStreamingUpdate)
        {
            writer.Lines($$"""
                // The recorder operations returning this type share (its parameter is contravariant: derived types too).
                internal static readonly {{RuntimeNames.ResultRecorder}}<{{Chat}}.StreamingChatCompletionUpdate?> StreamingChatCompletionUpdateRecorder = RecordStreamingChatCompletionUpdate;

                internal static void RecordStreamingChatCompletionUpdate(ref {{RuntimeNames.Scope}} scope, {{Chat}}.StreamingChatCompletionUpdate? update)
                {
                    if (update is null)
                    {
                        return;
                    }

                    scope.SetResponseModel(update.Model);
                    scope.SetResponseId(update.CompletionId);
                    if (update.FinishReason is { } finishReason)
                    {
                        scope.AddFinishReason(FinishReason(finishReason));
                    }

                    RecordUsage(ref scope, update.Usage);
                    if (scope.IsCapturingContent)
                    {
                        var parts = update.ContentUpdate;
                        for (int i = 0; i < parts.Count; i++)
                        {
                            if (parts[i].Kind == {{Chat}}.ChatMessageContentPartKind.Text)
                            {
                                scope.AppendOutputText(parts[i].Text);
                            }
                        }
                    }
                }

                """);
        }

        if (readers.OpenAIResponses)
        {
            writer.Lines($$"""
                internal static void RecordUsage(ref {{RuntimeNames.Scope}} scope, {{Chat}}.ChatTokenUsage? usage)
                {
                    if (usage is null)
                    {
                        return;
                    }

                    scope.SetInputTokens(usage.InputTokenCount);
                    scope.SetOutputTokens(usage.OutputTokenCount);
                    if (usage.InputTokenDetails is { } input)
                    {
                        scope.SetCacheReadInputTokens(input.CachedTokenCount);
                    }

                    if (usage.OutputTokenDetails is { } output)
                    {
                        scope.SetReasoningOutputTokens(output.ReasoningTokenCount);
                    }
                }

                internal static string FinishReason({{Chat}}.ChatFinishReason reason) => reason switch
                {
                    {{Chat}}.ChatFinishReason.Stop => "stop",
                    {{Chat}}.ChatFinishReason.Length => "length",
                    {{Chat}}.ChatFinishReason.ContentFilter => "content_filter",
                    {{Chat}}.ChatFinishReason.ToolCalls => "tool_calls",
                    {{Chat}}.ChatFinishReason.FunctionCall => "function_call",
                    _ => reason.ToString(),
                };

                """);
        }

        if (readers.OpenAIGuardInput)
        {
            writer.Lines($$"""
                // What the guards of an operation that takes messages judge as its input: the last user message.
                internal static string? LastUserText(global::System.Collections.Generic.IEnumerable<{{Chat}}.ChatMessage>? messages)
                {
                    string? text = null;
                    if (messages is not null)
                    {
                        foreach (var message in messages)
                        {
                            if (message is {{Chat}}.UserChatMessage user)
                            {
                                text = ContentText(user.Content);
                            }
                        }
                    }

                    return text;
                }

                internal static string? LastUserText({{Chat}}.ChatMessage? message) => message is null ? null : ContentText(message.Content);

                """);
        }

        if (readers.OpenAIMessages)
        {
            writer.Lines($$"""
                internal static void WriteOpenAIMessages({{RuntimeNames.ContentWriter}} writer, global::System.Collections.Generic.IEnumerable<{{Chat}}.ChatMessage>? messages, {{RuntimeNames.ClassificationSet}}? classification)
                {
                    if (messages is null)
                    {
                        return;
                    }

                    foreach (var message in messages)
                    {
                        WriteOpenAIMessage(writer, message, classification);
                    }
                }

                internal static void WriteOpenAIMessage({{RuntimeNames.ContentWriter}} writer, {{Chat}}.ChatMessage? message, {{RuntimeNames.ClassificationSet}}? classification)
                {
                    switch (message)
                    {
                        case null:
                            return;
                        case {{Chat}}.SystemChatMessage system:
                            writer.BeginMessage("system", system.ParticipantName);
                            break;
                        case {{Chat}}.UserChatMessage user:
                            writer.BeginMessage("user", user.ParticipantName);
                            break;
                        case {{Chat}}.AssistantChatMessage assistant:
                            writer.BeginMessage("assistant", assistant.ParticipantName);
                            break;
                        case {{Chat}}.ToolChatMessage tool:
                            writer.BeginMessage("tool");
                            writer.WriteToolCallResponsePart(tool.ToolCallId, classification is null ? ContentText(tool.Content) : null);
                            writer.EndMessage();
                            return;
                        default:
                            // e.g. DeveloperChatMessage, named here by its type so as not to depend on an experimental API.
                            writer.BeginMessage(message.GetType().Name.Replace("ChatMessage", string.Empty).ToLowerInvariant());
                            break;
                    }

                    WriteOpenAIParts(writer, message.Content, classification);
                    if (message is {{Chat}}.AssistantChatMessage { ToolCalls: { } toolCalls })
                    {
                        foreach (var call in toolCalls)
                        {
                            writer.WriteToolCallPartWithJsonArguments(call.Id, call.FunctionName, classification is null ? call.FunctionArguments?.ToString() : null);
                        }
                    }

                    writer.EndMessage();
                }

                internal static string ContentText({{Chat}}.ChatMessageContent? content)
                {
                    if (content is null || content.Count == 0)
                    {
                        return string.Empty;
                    }

                    var text = new global::System.Text.StringBuilder();
                    foreach (var part in content)
                    {
                        text.Append(part.Text);
                    }

                    return text.ToString();
                }

                """);
        }

        if (readers.OpenAIChatCompletion || readers.OpenAIMessages)
        {
            writer.Lines($$"""
                internal static void WriteOpenAIParts({{RuntimeNames.ContentWriter}} writer, {{Chat}}.ChatMessageContent? content, {{RuntimeNames.ClassificationSet}}? classification)
                {
                    if (content is null)
                    {
                        return;
                    }

                    foreach (var part in content)
                    {
                        switch (part.Kind)
                        {
                            case {{Chat}}.ChatMessageContentPartKind.Text:
                                writer.WriteTextPart(part.Text, classification);
                                break;
                            case {{Chat}}.ChatMessageContentPartKind.Refusal:
                                writer.WriteTextPart(part.Refusal, classification);
                                break;
                            case {{Chat}}.ChatMessageContentPartKind.Image when classification is null && part.ImageUri is { } uri:
                                writer.WriteUriPart(null, uri.ToString(), modality: "image");
                                break;
                            case {{Chat}}.ChatMessageContentPartKind.Image when classification is null && part.ImageBytes is { } bytes:
                                writer.WriteBlobPart(part.ImageBytesMediaType, bytes.ToMemory().Span);
                                break;
                            default:
                                writer.WriteGenericPart(part.Kind.ToString().ToLowerInvariant());
                                break;
                        }
                    }
                }

                """);
        }
    }
}

using LlmTelemetry.Generators.Model;

namespace LlmTelemetry.Generators.Emission;

/// <summary>
/// The members of the shared <c>MeaiReaders</c> class that read Microsoft.Extensions.AI types: only those the
/// compilation's operations use, and only with the members the referenced version has.
/// </summary>
internal static class MeaiReadersEmitter
{
    private const string Meai = "global::Microsoft.Extensions.AI";

    public static void Emit(SourceWriter writer, ReaderSet readers)
    {
        MeaiFeatures features = readers.Meai;
        if (readers.MeaiChatResponse)
        {
            writer.Lines($$"""
                // The recorder operations returning this type share (its parameter is contravariant: derived types too).
                internal static readonly {{RuntimeNames.ResultRecorder}}<{{Meai}}.ChatResponse?> ChatResponseRecorder = RecordChatResponse;

                internal static void RecordChatResponse(ref {{RuntimeNames.Scope}} scope, {{Meai}}.ChatResponse? response)
                {
                    if (response is null)
                    {
                        return;
                    }

                    scope.SetResponseModel(response.ModelId);
                    scope.SetResponseId(response.ResponseId);
                    string? finishReason = response.FinishReason?.Value;
                    scope.AddFinishReason(finishReason);
                    RecordUsage(ref scope, response.Usage, inPieces: false);
                    if (scope.IsCapturingContent)
                    {
                        var messages = {{RuntimeNames.ContentWriter}}.ForMessages();
                        WriteChatMessages(messages, response.Messages, null, finishReason);
                        scope.SetOutputMessages(messages);
                    }
                }

                """);
        }

        if (readers.MeaiChatResponseUpdate)
        {
            writer.Lines($$"""
                // The recorder operations returning this type share (its parameter is contravariant: derived types too).
                internal static readonly {{RuntimeNames.ResultRecorder}}<{{Meai}}.ChatResponseUpdate?> ChatResponseUpdateRecorder = RecordChatResponseUpdate;

                internal static void RecordChatResponseUpdate(ref {{RuntimeNames.Scope}} scope, {{Meai}}.ChatResponseUpdate? update)
                {
                    if (update is null)
                    {
                        return;
                    }

                    scope.SetResponseModel(update.ModelId);
                    scope.SetResponseId(update.ResponseId);
                    if (update.FinishReason is { } finishReason)
                    {
                        scope.AddFinishReason(finishReason.Value);
                    }

                    // Indexing, not foreach: enumerating an IList through its interface would allocate per chunk.
                    var contents = update.Contents;
                    for (int i = 0; i < contents.Count; i++)
                    {
                        if (contents[i] is {{Meai}}.UsageContent usage)
                        {
                            RecordUsage(ref scope, usage.Details, inPieces: true);
                        }
                    }

                    if (scope.IsCapturingContent)
                    {
                        scope.AppendOutputText(update.Text);
                    }
                }

                """);
        }

        if (readers.MeaiUsage)
        {
            string cached = features.UsageCachedInputTokens ? "usage.CachedInputTokenCount" : "null";
            string reasoning = features.UsageReasoningTokens ? "usage.ReasoningTokenCount" : "null";
            writer.Lines($$"""
                internal static void RecordUsage(ref {{RuntimeNames.Scope}} scope, {{Meai}}.UsageDetails? usage, bool inPieces)
                {
                    if (usage is null)
                    {
                        return;
                    }

                    if (inPieces)
                    {
                        scope.AddUsage(usage.InputTokenCount, usage.OutputTokenCount, {{cached}}, {{reasoning}});
                    }
                    else
                    {
                        scope.SetInputTokens(usage.InputTokenCount);
                        scope.SetOutputTokens(usage.OutputTokenCount);
                        scope.SetCacheReadInputTokens({{cached}});
                        scope.SetReasoningOutputTokens({{reasoning}});
                    }
                }

                """);
        }

        if (readers.MeaiEmbeddings)
        {
            writer.Lines($$"""
                internal static void RecordEmbeddings<TEmbedding>(ref {{RuntimeNames.Scope}} scope, {{Meai}}.GeneratedEmbeddings<TEmbedding>? embeddings)
                    where TEmbedding : {{Meai}}.Embedding
                {
                    if (embeddings is null)
                    {
                        return;
                    }

                    RecordUsage(ref scope, embeddings.Usage, inPieces: false);
                    if (embeddings.Count > 0 && embeddings[0] is { } first)
                    {
                        scope.SetResponseModel(first.ModelId);
                        scope.SetEmbeddingDimensions(first.Dimensions);
                    }
                }

                """);
        }

        if (readers.MeaiGuardInput)
        {
            writer.Lines($$"""
                // What the guards of an operation that takes messages judge as its input: the last user message.
                internal static string? LastUserText(global::System.Collections.Generic.IEnumerable<{{Meai}}.ChatMessage>? messages)
                {
                    string? text = null;
                    if (messages is not null)
                    {
                        foreach (var message in messages)
                        {
                            if (message is not null && message.Role == {{Meai}}.ChatRole.User)
                            {
                                text = message.Text;
                            }
                        }
                    }

                    return text;
                }

                internal static string? LastUserText({{Meai}}.ChatMessage? message) => message?.Text;

                """);
        }

        if (readers.MeaiMessages)
        {
            string reasoningCase = features.ReasoningContent
                ? $"            case {Meai}.TextReasoningContent reasoning:\n                writer.WriteReasoningPart(reasoning.Text, classification);\n                break;\n"
                : string.Empty;
            writer.Lines($$"""
                internal static void WriteChatMessages({{RuntimeNames.ContentWriter}} writer, global::System.Collections.Generic.IEnumerable<{{Meai}}.ChatMessage>? messages, {{RuntimeNames.ClassificationSet}}? classification, string? finishReason)
                {
                    if (messages is global::System.Collections.Generic.IList<{{Meai}}.ChatMessage> list)
                    {
                        // Indexing, not foreach: enumerating a list through its interface allocates.
                        for (int i = 0; i < list.Count; i++)
                        {
                            WriteChatMessage(writer, list[i], classification, finishReason);
                        }
                    }
                    else if (messages is not null)
                    {
                        foreach (var message in messages)
                        {
                            WriteChatMessage(writer, message, classification, finishReason);
                        }
                    }
                }

                internal static void WriteChatMessage({{RuntimeNames.ContentWriter}} writer, {{Meai}}.ChatMessage? message, {{RuntimeNames.ClassificationSet}}? classification, string? finishReason)
                {
                    if (message is null)
                    {
                        return;
                    }

                    writer.BeginMessage(message.Role.Value, message.AuthorName);
                    var contents = message.Contents;
                    for (int i = 0; i < contents.Count; i++)
                    {
                        switch (contents[i])
                        {
                            case {{Meai}}.TextContent text:
                                writer.WriteTextPart(text.Text, classification);
                                break;
                            REASONING_CASE
                            case {{Meai}}.FunctionCallContent call:
                                // Arguments of classified content are left out rather than written unredacted.
                                writer.WriteToolCallPart(call.CallId, call.Name, classification is null ? call.Arguments : null);
                                break;
                            case {{Meai}}.FunctionResultContent result:
                                writer.WriteToolCallResponsePart(result.CallId, classification is null ? result.Result : null);
                                break;
                            case {{Meai}}.DataContent data when classification is null:
                                writer.WriteBlobPart(data.MediaType, data.Data.Span);
                                break;
                            case {{Meai}}.UriContent uri when classification is null:
                                writer.WriteUriPart(uri.MediaType, uri.Uri.ToString());
                                break;
                            case {{Meai}}.UsageContent:
                                break;
                            case { } other:
                                writer.WriteGenericPart(other.GetType().Name);
                                break;
                        }
                    }

                    writer.EndMessage(finishReason);
                }

                """.Replace("            REASONING_CASE\n", reasoningCase.TrimEnd(' ')));
        }
    }
}

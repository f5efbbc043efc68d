using System.Collections.Generic;

namespace LlmTelemetry.Generators.Model;

/// <summary>
/// Which readers of client-library types (Microsoft.Extensions.AI, OpenAI) the operations of a compilation use:
/// they are written once per compilation, not once per type, and only those that are used.
/// </summary>
internal sealed record ReaderSet(
    bool MeaiChatResponse,
    bool MeaiChatResponseUpdate,
    bool MeaiEmbeddings,
    bool MeaiMessages,
    bool OpenAIChatCompletion,
    bool OpenAIStreamingUpdate,
    bool OpenAIMessages,
    MeaiFeatures Meai,
    bool MeaiGuardInput = false,
    bool OpenAIGuardInput = false,
    bool MeaiEvaluatorAdapter = false)
{
    public bool IsEmpty => !UsesMeai && !UsesOpenAI && !MeaiEvaluatorAdapter;

    /// <summary>Whether any Microsoft.Extensions.AI reader is used (the file then has a <c>MeaiReaders</c> class).</summary>
    public bool UsesMeai => MeaiUsage || MeaiMessages;

    /// <summary>Whether any OpenAI reader is used (the file then has an <c>OpenAIReaders</c> class).</summary>
    public bool UsesOpenAI => OpenAIResponses || OpenAIMessages;

    public bool MeaiUsage => MeaiChatResponse || MeaiChatResponseUpdate || MeaiEmbeddings;

    public bool OpenAIResponses => OpenAIChatCompletion || OpenAIStreamingUpdate;

    /// <summary>The readers that the recorders of <paramref name="operations"/> call (see the recorder emitters).</summary>
    public static ReaderSet Of(IEnumerable<OperationMethodModel> operations)
    {
        bool chatResponse = false, chatResponseUpdate = false, embeddings = false, meaiMessages = false;
        bool chatCompletion = false, streamingUpdate = false, openAIMessages = false;
        bool meaiGuardInput = false, openAIGuardInput = false, evaluatorAdapter = false;
        MeaiFeatures features = MeaiFeatures.None;
        foreach (OperationMethodModel operation in operations)
        {
            features = operation.Meai; // the same for every operation of a compilation
            switch (operation.Result.Kind)
            {
                case ResultKind.MeaiChatResponse:
                    chatResponse = true;
                    meaiMessages = true; // it writes the response messages
                    break;
                case ResultKind.MeaiChatResponseUpdate:
                    chatResponseUpdate = true;
                    break;
                case ResultKind.MeaiEmbeddings:
                    embeddings = true;
                    break;
                case ResultKind.OpenAIChatCompletion:
                    chatCompletion = true;
                    break;
                case ResultKind.OpenAIStreamingUpdate:
                    streamingUpdate = true;
                    break;
            }

            bool guarded = operation.Guards.Count > 0;
            foreach (ContentParameterModel content in operation.Request.Contents)
            {
                bool meai = content.Kind is ContentKind.MeaiMessage or ContentKind.MeaiMessages;
                bool openAI = content.Kind is ContentKind.OpenAIMessage or ContentKind.OpenAIMessages;
                meaiMessages |= meai;
                openAIMessages |= openAI;
                meaiGuardInput |= meai && guarded; // the guards' input is the text of the last user message
                openAIGuardInput |= openAI && guarded;
            }

            foreach (GuardModel guard in operation.Guards)
            {
                evaluatorAdapter |= guard.IsMeaiEvaluator;
            }
        }

        return new ReaderSet(chatResponse, chatResponseUpdate, embeddings, meaiMessages, chatCompletion, streamingUpdate, openAIMessages, features,
            meaiGuardInput, openAIGuardInput, evaluatorAdapter);
    }
}

using System.ComponentModel;

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// Recorders that need nothing from the user's code, shared by every operation they fit instead of being generated
/// into each type: a project with a thousand operations compiles them once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LlmStandardRecorders
{
    /// <summary>
    /// Records a <c>[Prompt]</c> string without a data classification as the one user message of
    /// <c>gen_ai.input.messages</c>, when content capture is on.
    /// </summary>
    public static LlmRequestRecorder<string?> UserPrompt { get; } = static (ref LlmOperationScope scope, string? prompt) =>
    {
        if (scope.IsCapturingContent)
        {
            GenAiContentWriter messages = GenAiContentWriter.ForMessages();
            messages.WriteTextMessage("user", prompt);
            scope.SetContent(GenAiSemanticConventions.Attributes.InputMessages, messages);
        }
    };
}

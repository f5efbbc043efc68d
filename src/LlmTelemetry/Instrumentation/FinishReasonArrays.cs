namespace LlmTelemetry.Instrumentation;

/// <summary>
/// One-element <c>gen_ai.response.finish_reasons</c> values for the common reasons, shared so that a call with a
/// single well-known reason allocates no array. Exporters only read attribute values.
/// </summary>
internal static class FinishReasonArrays
{
    private static readonly string[] s_stop = ["stop"];
    private static readonly string[] s_length = ["length"];
    private static readonly string[] s_toolCalls = ["tool_calls"];
    private static readonly string[] s_toolCall = ["tool_call"];
    private static readonly string[] s_contentFilter = ["content_filter"];
    private static readonly string[] s_functionCall = ["function_call"];
    private static readonly string[] s_error = ["error"];
    private static readonly string[] s_endTurn = ["end_turn"];
    private static readonly string[] s_maxTokens = ["max_tokens"];

    public static string[] For(string reason) => reason switch
    {
        "stop" => s_stop,
        "length" => s_length,
        "tool_calls" => s_toolCalls,
        "tool_call" => s_toolCall,
        "content_filter" => s_contentFilter,
        "function_call" => s_functionCall,
        "error" => s_error,
        "end_turn" => s_endTurn,
        "max_tokens" => s_maxTokens,
        _ => [reason],
    };
}

namespace LlmTelemetry;

/// <summary>What an <see cref="ILlmEvaluator"/> sees of the call it judges.</summary>
public sealed class LlmEvaluationContext
{
    /// <summary>Creates a context.</summary>
    public LlmEvaluationContext(string evaluationName, string operationName, string? input, string? output, object? result, string? responseId, double threshold, object? request = null)
    {
        EvaluationName = evaluationName;
        OperationName = operationName;
        Input = input;
        Output = output;
        Result = result;
        ResponseId = responseId;
        Threshold = threshold;
        Request = request;
    }

    /// <summary>The <c>gen_ai.evaluation.name</c> of this evaluation.</summary>
    public string EvaluationName { get; }

    /// <summary>The <c>gen_ai.operation.name</c> of the call (<c>chat</c>, <c>retrieval</c> …).</summary>
    public string OperationName { get; }

    /// <summary>
    /// The prompt or query text of the call, when it has one: the <c>[Prompt]</c> string, or the text of the last user
    /// message of the chat messages it was sent.
    /// </summary>
    public string? Input { get; }

    /// <summary>The generated text, when the result carries one (for a stream, the text of all its chunks).</summary>
    public string? Output { get; }

    /// <summary>
    /// The call's result as it was returned (a <c>ChatResponse</c>, the documents of a retrieval …); for a stream, the
    /// chunks it yielded, as an <c>IReadOnlyList</c> of the chunk type.
    /// </summary>
    public object? Result { get; }

    /// <summary>The provider's response id, when known.</summary>
    public string? ResponseId { get; }

    /// <summary>The guard's threshold, or <see cref="double.NaN"/> when it sets none.</summary>
    public double Threshold { get; }

    /// <summary>
    /// The chat messages the call was sent, as it received them (a <c>ChatMessage</c> or a collection of them, from
    /// Microsoft.Extensions.AI or OpenAI), when it takes messages rather than a prompt string; otherwise <see langword="null"/>.
    /// </summary>
    public object? Request { get; }
}

namespace LlmTelemetry;

/// <summary>What an <see cref="ILlmEvaluator"/> sees of the call it judges.</summary>
public sealed class LlmEvaluationContext
{
    /// <summary>Creates a context.</summary>
    public LlmEvaluationContext(string evaluationName, string operationName, string? input, string? output, object? result, string? responseId, double threshold)
    {
        EvaluationName = evaluationName;
        OperationName = operationName;
        Input = input;
        Output = output;
        Result = result;
        ResponseId = responseId;
        Threshold = threshold;
    }

    /// <summary>The <c>gen_ai.evaluation.name</c> of this evaluation.</summary>
    public string EvaluationName { get; }

    /// <summary>The <c>gen_ai.operation.name</c> of the call (<c>chat</c>, <c>retrieval</c> …).</summary>
    public string OperationName { get; }

    /// <summary>The prompt or query text of the call, when it has one.</summary>
    public string? Input { get; }

    /// <summary>The generated text, when the result carries one.</summary>
    public string? Output { get; }

    /// <summary>The call's result as it was returned (a <c>ChatResponse</c>, the documents of a retrieval …).</summary>
    public object? Result { get; }

    /// <summary>The provider's response id, when known.</summary>
    public string? ResponseId { get; }

    /// <summary>The guard's threshold, or <see cref="double.NaN"/> when it sets none.</summary>
    public double Threshold { get; }
}

namespace LlmTelemetry.Instrumentation;

/// <summary>
/// The kinds of operation the conventions give different spans and metrics, told by <c>gen_ai.operation.name</c>.
/// The generator tells them the same way when it picks the idle check of an operation.
/// </summary>
internal enum OperationFamily
{
    /// <summary><c>chat</c>, <c>text_completion</c>, <c>generate_content</c>.</summary>
    Inference,

    /// <summary><c>embeddings</c>.</summary>
    Embeddings,

    /// <summary><c>retrieval</c>.</summary>
    Retrieval,

    /// <summary>Any other operation name.</summary>
    Other,
}

internal static class OperationFamilies
{
    public static OperationFamily Of(string operationName) => operationName switch
    {
        GenAiSemanticConventions.Operations.Chat or GenAiSemanticConventions.Operations.TextCompletion or GenAiSemanticConventions.Operations.GenerateContent => OperationFamily.Inference,
        GenAiSemanticConventions.Operations.Embeddings => OperationFamily.Embeddings,
        GenAiSemanticConventions.Operations.Retrieval => OperationFamily.Retrieval,
        _ => OperationFamily.Other,
    };
}

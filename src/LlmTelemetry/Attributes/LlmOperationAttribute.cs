using System;

namespace LlmTelemetry;

/// <summary>
/// Marks a <see langword="partial"/> method as a model call (chat, completion, embeddings …). At build time
/// LlmTelemetry writes the method's body: it opens a GenAI client span, calls the implementation method,
/// records the result (tokens, response model, finish reasons) and the GenAI metrics.
/// </summary>
/// <remarks>
/// The implementation method has the same parameters and return type. It is named by
/// <see cref="Implementation"/> or, by convention, the method's name with <c>Core</c> inserted before a
/// trailing <c>Async</c>: <c>AnswerAsync</c> → <c>AnswerCoreAsync</c>, <c>Embed</c> → <c>EmbedCore</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LlmOperationAttribute : Attribute
{
    /// <summary>Marks a chat operation (<c>gen_ai.operation.name = chat</c>).</summary>
    public LlmOperationAttribute()
        : this(GenAiSemanticConventions.Operations.Chat)
    {
    }

    /// <summary>Marks an operation with the given <c>gen_ai.operation.name</c>.</summary>
    /// <param name="operationName">
    /// A well-known value such as <c>chat</c>, <c>text_completion</c>, <c>generate_content</c> or
    /// <c>embeddings</c>; a custom value is allowed when none fits.
    /// </param>
    public LlmOperationAttribute(string operationName)
    {
        OperationName = operationName;
    }

    /// <summary>The <c>gen_ai.operation.name</c> of the span and metrics.</summary>
    public string OperationName { get; }

    /// <summary>
    /// The <c>gen_ai.provider.name</c>, for example <c>openai</c>, <c>azure.ai.openai</c>, <c>anthropic</c>,
    /// <c>aws.bedrock</c> or <c>gcp.vertex_ai</c>.
    /// </summary>
    public string? Provider { get; set; }

    /// <summary>
    /// The <c>gen_ai.request.model</c> known at compile time. A <see cref="ModelAttribute"/> parameter or a
    /// model id in a request-options parameter overrides it per call.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>The name of the implementation method; use <see langword="nameof"/>.</summary>
    public string? Implementation { get; set; }

    /// <summary>The <c>server.address</c> of the model endpoint, for example <c>api.openai.com</c>.</summary>
    public string? ServerAddress { get; set; }

    /// <summary>The <c>server.port</c> of the model endpoint (1–65535); 0 means not set.</summary>
    public int ServerPort { get; set; }
}

namespace LlmTelemetry.Generators.Emission;

/// <summary>The runtime-library names generated code refers to, always fully qualified.</summary>
internal static class RuntimeNames
{
    public const string Scope = "global::LlmTelemetry.Instrumentation.LlmOperationScope";
    public const string Descriptor = "global::LlmTelemetry.Instrumentation.LlmOperationDescriptor";
    public const string LatestConventions = "global::LlmTelemetry.Instrumentation.V0_1Conventions";
    public const string BothConventions = "global::LlmTelemetry.Instrumentation.BaselineAndV0_1Conventions";
    public const string TaskTracking = "global::LlmTelemetry.Instrumentation.LlmTaskTracking";
    public const string StreamTracking = "global::LlmTelemetry.Instrumentation.LlmStreamTracking";
    public const string Guarding = "global::LlmTelemetry.Instrumentation.LlmGuarding";
    public const string RequestRecorder = "global::LlmTelemetry.Instrumentation.LlmRequestRecorder";
    public const string ResultRecorder = "global::LlmTelemetry.Instrumentation.LlmResultRecorder";
    public const string UserPromptRecorder = "global::LlmTelemetry.Instrumentation.LlmStandardRecorders.UserPrompt";
    public const string ContentWriter = "global::LlmTelemetry.Instrumentation.GenAiContentWriter";
    public const string Attributes = "global::LlmTelemetry.GenAiSemanticConventions.Attributes";
    public const string ClassificationSet = "global::Microsoft.Extensions.Compliance.Classification.DataClassificationSet";
    public const string Exception = "global::System.Exception";

    /// <summary>The private nested class that holds a type's descriptors and helpers.</summary>
    public const string HelperClass = "__LlmTelemetry";

    /// <summary>The namespace of the classes generated once per compilation.</summary>
    public const string ReadersNamespace = "LlmTelemetry.Generated";
    public const string MeaiReadersClass = "MeaiReaders";
    public const string OpenAIReadersClass = "OpenAIReaders";
    public const string MeaiEvaluatorAdapterClass = "MeaiEvaluatorAdapter";
    public const string MeaiReaders = "global::" + ReadersNamespace + "." + MeaiReadersClass;
    public const string OpenAIReaders = "global::" + ReadersNamespace + "." + OpenAIReadersClass;
    public const string MeaiEvaluatorAdapter = "global::" + ReadersNamespace + "." + MeaiEvaluatorAdapterClass;
}

using System;
using Microsoft.Extensions.Compliance.Redaction;

namespace LlmTelemetry;

/// <summary>
/// Process-wide settings of the generated instrumentation, applied by
/// <c>AddLlmTelemetry(options =&gt; …)</c> on the tracer or meter provider builder.
/// </summary>
/// <remarks>
/// Generated code is static, so these settings are global to the process: the last provider built with a
/// configuration callback wins.
/// </remarks>
public sealed class LlmTelemetryOptions
{
    /// <summary>The environment variable that turns content capture on when set to <c>true</c>.</summary>
    public const string CaptureMessageContentEnvironmentVariable = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

    /// <summary>The default of <see cref="MaxContentLength"/>.</summary>
    public const int DefaultMaxContentLength = 16 * 1024;

    private int _maxContentLength = DefaultMaxContentLength;

    /// <summary>
    /// Whether prompts, completions and system instructions are recorded on spans
    /// (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>, <c>gen_ai.system_instructions</c>).
    /// Off unless <c>OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT</c> is <c>true</c>; setting it here
    /// overrides the variable.
    /// </summary>
    public bool CaptureMessageContent { get; set; } = ReadCaptureMessageContentFromEnvironment();

    /// <summary>
    /// The most characters of message text recorded per attribute. Longer content is cut, and the cut part
    /// carries <c>"truncated": true</c>, so the attribute stays valid JSON. <c>gen_ai.retrieval.documents</c>, whose
    /// content is its JSON, is held to this many characters as a whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxContentLength
    {
        get => _maxContentLength;
        set => _maxContentLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The content length cap must be at least 1.");
    }

    /// <summary>
    /// Redacts captured content of parameters that carry a data classification
    /// (<c>Microsoft.Extensions.Compliance</c> <c>DataClassificationAttribute</c>). Without a provider such
    /// content is erased.
    /// </summary>
    public IRedactorProvider? RedactorProvider { get; set; }

    /// <summary>The default of <see cref="BackgroundEvaluationCapacity"/>.</summary>
    public const int DefaultBackgroundEvaluationCapacity = 1024;

    private int _backgroundEvaluationCapacity = DefaultBackgroundEvaluationCapacity;

    /// <summary>
    /// How many background evaluations (<see cref="GuardMode.Background"/>) may wait at once; past that, new ones are
    /// dropped and counted in <c>llm_telemetry.evaluation.dropped</c> rather than slowing the application.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BackgroundEvaluationCapacity
    {
        get => _backgroundEvaluationCapacity;
        set => _backgroundEvaluationCapacity = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The queue must hold at least one evaluation.");
    }

    /// <summary>The default of <see cref="BackgroundEvaluationShutdownTimeout"/>.</summary>
    public static readonly TimeSpan DefaultBackgroundEvaluationShutdownTimeout = TimeSpan.FromSeconds(5);

    private TimeSpan _backgroundEvaluationShutdownTimeout = DefaultBackgroundEvaluationShutdownTimeout;

    /// <summary>
    /// How long disposing the tracer provider waits for queued background evaluations to finish, so that their results
    /// are exported before the exporters shut down. After that the evaluation running is cancelled (its evaluator's
    /// token) and the queued ones are discarded and counted as dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan BackgroundEvaluationShutdownTimeout
    {
        get => _backgroundEvaluationShutdownTimeout;
        set => _backgroundEvaluationShutdownTimeout = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout cannot be negative.");
    }

    /// <summary>The default of <see cref="EvaluationTimeout"/>.</summary>
    public static readonly TimeSpan DefaultEvaluationTimeout = TimeSpan.FromSeconds(30);

    private TimeSpan _evaluationTimeout = DefaultEvaluationTimeout;

    /// <summary>
    /// How long one evaluator of an <see cref="EvalGuardAttribute"/> may take. Past that its cancellation token is
    /// cancelled and the call goes on without its verdict, as for an evaluator that throws: the
    /// <c>gen_ai.evaluation.result</c> event carries <c>error.type</c> <c>System.TimeoutException</c>, and the guard neither
    /// throws nor falls back. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
    public TimeSpan EvaluationTimeout
    {
        get => _evaluationTimeout;
        set => _evaluationTimeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The evaluation timeout must be positive, or Timeout.InfiniteTimeSpan.");
    }

    internal LlmTelemetryOptions Clone() => new()
    {
        _evaluationTimeout = _evaluationTimeout,
        _backgroundEvaluationShutdownTimeout = _backgroundEvaluationShutdownTimeout,
        CaptureMessageContent = CaptureMessageContent,
        _maxContentLength = _maxContentLength,
        _backgroundEvaluationCapacity = _backgroundEvaluationCapacity,
        RedactorProvider = RedactorProvider,
    };

    private static bool ReadCaptureMessageContentFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(CaptureMessageContentEnvironmentVariable);
        return string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}

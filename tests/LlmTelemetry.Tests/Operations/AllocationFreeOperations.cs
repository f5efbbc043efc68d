using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace LlmTelemetry.Tests.Operations;

/// <summary>Operations whose implementations allocate nothing, so any byte a call allocates is the generated body's.</summary>
public partial class AllocationFreeOperations
{
    private static readonly Completion s_completion = new("cached");
    private static readonly Task<Completion> s_completionTask = Task.FromResult(s_completion);
    private static readonly ChatResponse s_response = new(new ChatMessage(ChatRole.Assistant, "cached"))
    {
        ModelId = "gpt-4o-mini-2024-07-18",
        ResponseId = "chatcmpl-1",
        FinishReason = ChatFinishReason.Stop,
        Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 34 },
    };

    private static readonly Task<ChatResponse> s_responseTask = Task.FromResult(s_response);

    // Tasks that never complete, shared by every call: a call still pending when it returns, at no cost of its own.
    private static readonly Task<ChatResponse> s_pendingResponseTask = new TaskCompletionSource<ChatResponse>().Task;
    private static readonly Task<int> s_pendingCountTask = new TaskCompletionSource<int>().Task;
    private readonly CachedStream _stream = new(100);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Completion Complete([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial Task<Completion> CompleteAsync([Prompt] string prompt, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
    public partial Task<ChatResponse> ChatAsync([Prompt] string prompt, ChatOptions? options = null, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial ValueTask<int> CountAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    public partial IAsyncEnumerable<ChatResponseUpdate> StreamOver(CachedStream source);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, SampleRate = 0.1)]
    public partial Task<ChatResponse> GuardedChatAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, OnFailure = GuardAction.Throw, SampleRate = 0)]
    public partial Task<ChatResponse> UnsampledStrictChatAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Mode = GuardMode.Background)]
    public partial Task<ChatResponse> BackgroundGuardedChatAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, OnFailure = GuardAction.Fallback, Fallback = nameof(CachedChatAsync), SampleRate = 0)]
    public partial Task<ChatResponse> UnsampledFallbackChatAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, OnFailure = GuardAction.Fallback, Fallback = nameof(CompleteCore), SampleRate = 0)]
    public partial Completion UnsampledFallbackComplete([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, OnFailure = GuardAction.Throw, SampleRate = 0)]
    public partial Task<ChatResponse> PendingStrictChatAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, OnFailure = GuardAction.Fallback, Fallback = nameof(CachedChatAsync), SampleRate = 0)]
    public partial Task<ChatResponse> PendingFallbackChatAsync([Prompt] string prompt);

    [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
    [EvalGuard(typeof(MentionsParis), Threshold = 0.7, OnFailure = GuardAction.Throw, SampleRate = 0)]
    public partial ValueTask<int> PendingStrictCountAsync([Prompt] string prompt);

    private Completion CompleteCore(string prompt) => s_completion;

    private Task<ChatResponse> CachedChatAsync(string prompt) => s_responseTask;

    private Task<ChatResponse> BackgroundGuardedChatCoreAsync(string prompt) => s_responseTask;

    private Task<ChatResponse> UnsampledFallbackChatCoreAsync(string prompt) => s_responseTask;

    private Completion UnsampledFallbackCompleteCore(string prompt) => s_completion;

    private Task<ChatResponse> PendingStrictChatCoreAsync(string prompt) => s_pendingResponseTask;

    private Task<ChatResponse> PendingFallbackChatCoreAsync(string prompt) => s_pendingResponseTask;

    private ValueTask<int> PendingStrictCountCoreAsync(string prompt) => new(s_pendingCountTask);

    private Task<ChatResponse> GuardedChatCoreAsync(string prompt) => s_responseTask;

    private Task<ChatResponse> UnsampledStrictChatCoreAsync(string prompt) => s_responseTask;

    private Task<Completion> CompleteCoreAsync(string prompt, CancellationToken cancellationToken) => s_completionTask;

    private Task<ChatResponse> ChatCoreAsync(string prompt, ChatOptions? options, CancellationToken cancellationToken) => s_responseTask;

    private ValueTask<int> CountCoreAsync(string prompt) => new(prompt.Length);

    private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(string prompt) => _stream;

    private IAsyncEnumerable<ChatResponseUpdate> StreamOverCore(CachedStream source) => source;
}

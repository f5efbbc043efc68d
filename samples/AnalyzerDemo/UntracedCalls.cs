using Microsoft.Extensions.AI;

namespace AnalyzerDemo;

/// <summary>Model calls no telemetry covers (LLMT2001, LLMT2002) and raw content capture left on (LLMT1005).</summary>
public sealed class UntracedCalls(IChatClient injected)
{
    private readonly IChatClient _untraced = new ChatClientBuilder(new EchoChatClient()).Build();

    private readonly IChatClient _leaky = new ChatClientBuilder(new EchoChatClient())
        .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = true) // LLMT1005
        .Build();

    // A client built here without UseOpenTelemetry(): the code fix adds it.
    public Task<ChatResponse> SummarizeAsync(string text) => _untraced.GetResponseAsync(text); // LLMT2001

    // A client handed in: this project cannot see whether its pipeline is traced. Info by default; this project's
    // .editorconfig raises it to a warning, as a team that wants every model call traced would.
    public Task<ChatResponse> TranslateAsync(string text) => injected.GetResponseAsync(text); // LLMT2002

    public Task<ChatResponse> ClassifyAsync(string text) => _leaky.GetResponseAsync(text);
}

/// <summary>A stand-in model, so that the project needs no provider package.</summary>
public sealed class EchoChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, messages.LastOrDefault()?.Text ?? string.Empty)));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

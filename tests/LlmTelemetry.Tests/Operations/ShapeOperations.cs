using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LlmTelemetry.Tests.Operations;

/// <summary>One operation per return shape, over a deterministic implementation whose behaviour tests control.</summary>
public partial class ShapeOperations
{
    public const string Provider = "openai";
    public const string Model = "local-model";

    /// <summary>When set, implementations throw it (synchronously, or through the task when <see cref="Pending"/>).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Whether task-returning implementations complete later rather than at once.</summary>
    public bool Pending { get; set; }

    public int Calls { get; private set; }

    public Completion? LastResult { get; private set; }

    public Task? LastTask { get; private set; }

    public int ChunkCount { get; set; } = 3;

    public int? FailAfterChunks { get; set; }

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial Completion Complete([Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial void Fire([Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial Task FireAsync([Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial Task<Completion> CompleteAsync([Prompt] string prompt, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial ValueTask FireValueAsync([Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial ValueTask<Completion> CompleteValueAsync([Prompt] string prompt, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial IAsyncEnumerable<string> StreamTextAsync([Prompt] string prompt, CancellationToken cancellationToken = default);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial IAsyncEnumerable<CompletionChunk> StreamChunksAsync([Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public static partial Completion CompleteStatic([Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial Completion CompleteWithReferences(ref int counter, out string note, in int weight, params string[] extras);

    [LlmOperation(Provider = Provider, Model = Model, Implementation = nameof(AnswerFromCache))]
    internal partial string Answer([Prompt] string prompt);

    [LlmOperation(Provider = Provider)]
    public partial Completion CompleteWith([Model] string model, [Prompt] string prompt);

    [LlmOperation(Provider = Provider, Model = Model)]
    public partial T Echo<T>(T value)
        where T : class, new();

    [LlmOperation(Provider = Provider, Model = Model)]
    protected internal partial ReadOnlySpan<char> Slice(ReadOnlySpan<char> text, int length);

    private Completion CompleteCore(string prompt) => Produce(prompt);

    private void FireCore(string prompt) => Produce(prompt);

    private Task FireCoreAsync(string prompt) => LastTask = Pending ? LaterAsync(prompt) : Failure is null ? Task.CompletedTask : throw Failure;

    private Task<Completion> CompleteCoreAsync(string prompt, CancellationToken cancellationToken)
    {
        Task<Completion> task = Pending ? LaterAsync(prompt, cancellationToken) : Task.FromResult(Produce(prompt));
        LastTask = task;
        return task;
    }

    private ValueTask FireValueCoreAsync(string prompt) => Pending ? new ValueTask(LaterAsync(prompt)) : Failure is null ? default : throw Failure;

    private ValueTask<Completion> CompleteValueCoreAsync(string prompt, CancellationToken cancellationToken) =>
        Pending ? new ValueTask<Completion>(LaterAsync(prompt, cancellationToken)) : new ValueTask<Completion>(Produce(prompt));

    private async IAsyncEnumerable<string> StreamTextCoreAsync(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls++;
        for (int i = 0; i < ChunkCount; i++)
        {
            if (Pending)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (FailAfterChunks == i)
            {
                throw Failure ?? new InvalidOperationException("The stream broke.");
            }

            yield return "chunk" + i + " ";
        }
    }

    private async IAsyncEnumerable<CompletionChunk> StreamChunksCoreAsync(string prompt)
    {
        await Task.Yield();
        yield return new CompletionChunk("Hello ");
        yield return new CompletionChunk("world", Tokens: 2);
    }

    private static Completion CompleteStaticCore(string prompt) => new(prompt.ToUpperInvariant());

    private Completion CompleteWithReferencesCore(ref int counter, out string note, in int weight, params string[] extras)
    {
        counter++;
        note = $"weight {weight}, {extras.Length} extra(s)";
        return Produce(note);
    }

    private string AnswerFromCache(string prompt) => "cached: " + prompt;

    private Completion CompleteWithCore(string model, string prompt) => Produce(model + ": " + prompt);

    private T EchoCore<T>(T value)
        where T : class, new() => value;

    private ReadOnlySpan<char> SliceCore(ReadOnlySpan<char> text, int length) => text.Slice(0, length);

    private Completion Produce(string prompt)
    {
        Calls++;
        if (Failure is not null)
        {
            throw Failure;
        }

        LastResult = new Completion("echo: " + prompt);
        return LastResult;
    }

    private async Task LaterAsync(string prompt)
    {
        await Task.Delay(5).ConfigureAwait(false);
        Produce(prompt);
    }

    private async Task<Completion> LaterAsync(string prompt, CancellationToken cancellationToken)
    {
        await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        return Produce(prompt);
    }
}

namespace LlmTelemetry.Generators.Tests;

/// <summary>User code the generator tests run on: each is a realistic file a user would write.</summary>
internal static class Scenarios
{
    public const string MeaiChat = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;

        namespace Contoso.Support;

        public partial class SupportBot(IChatClient chat)
        {
            [LlmOperation(Provider = "openai", Model = "gpt-4o-mini", ServerAddress = "api.openai.com", ServerPort = 443)]
            public partial Task<ChatResponse> AnswerAsync([Prompt] string question, ChatOptions? options = null, CancellationToken cancellationToken = default);

            [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
            public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IList<ChatMessage> messages, CancellationToken cancellationToken = default);

            private Task<ChatResponse> AnswerCoreAsync(string question, ChatOptions? options, CancellationToken cancellationToken) =>
                chat.GetResponseAsync(question, options, cancellationToken);

            private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(IList<ChatMessage> messages, CancellationToken cancellationToken) =>
                chat.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken);
        }
        """;

    public const string UserTypes = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using LlmTelemetry;

        namespace Contoso.Local;

        public enum Stop { EndOfText, MaxLength, Length = MaxLength }

        public sealed class LocalAnswer
        {
            [ResponseText] public string Text { get; init; } = "";
            [InputTokens] public int Prompt { get; init; }
            [OutputTokens] public long? Completion { get; init; }
            [ResponseModel] public string? Model { get; init; }
            [FinishReason] public Stop? Reason { get; init; }
        }

        public readonly record struct Piece([property: ResponseText] string Text, [property: FinishReason] IReadOnlyList<string>? Reasons);

        public partial class LocalModel
        {
            [LlmOperation("text_completion", Provider = "ollama", Model = "llama3")]
            public partial LocalAnswer Complete([Prompt] string prompt, ref int attempts, out bool cached, in double weight, params string[] stop);

            [LlmOperation(Provider = "ollama", Model = "llama3")]
            public partial void Warm();

            [LlmOperation(Provider = "ollama", Model = "llama3")]
            public static partial ValueTask<LocalAnswer?> CompleteStaticAsync([Model] string model, [Prompt] string prompt);

            [LlmOperation(Provider = "ollama", Model = "llama3", Implementation = nameof(Pieces))]
            internal partial IAsyncEnumerable<Piece> StreamAsync([Prompt] string prompt);

            [LlmOperation(Provider = "ollama", Model = "llama3")]
            protected partial T Echo<T, TKey>(T value, TKey key) where T : class?, new() where TKey : struct, System.IComparable<TKey>;

            private LocalAnswer CompleteCore(string prompt, ref int attempts, out bool cached, in double weight, params string[] stop)
            {
                attempts++;
                cached = false;
                return new LocalAnswer { Text = prompt };
            }

            private void WarmCore() { }

            private static ValueTask<LocalAnswer?> CompleteStaticCoreAsync(string model, string prompt) => new((LocalAnswer?)null);

            private async IAsyncEnumerable<Piece> Pieces(string prompt)
            {
                await Task.Yield();
                yield return new Piece(prompt, null);
            }

            private T EchoCore<T, TKey>(T value, TKey key) where T : class?, new() where TKey : struct, System.IComparable<TKey> => value;
        }
        """;

    public const string TypeShapes = """
        using System.Threading.Tasks;
        using LlmTelemetry;

        public static partial class Outer
        {
            private partial class Inner<TContext> where TContext : notnull
            {
                [LlmOperation(Provider = "anthropic", Model = "claude-sonnet")]
                public partial Task<string> AskAsync([Prompt] string question, TContext context);

                private Task<string> AskCoreAsync(string question, TContext context) => Task.FromResult(question);
            }

            public readonly partial record struct Point(int X)
            {
                [LlmOperation(Provider = "anthropic", Model = "claude-sonnet")]
                public readonly partial Task DescribeAsync();

                private Task DescribeCoreAsync() => Task.CompletedTask;
            }
        }

        public ref partial struct SpanReader
        {
            [LlmOperation(Provider = "anthropic", Model = "claude-sonnet")]
            public partial System.ReadOnlySpan<char> Read(scoped System.ReadOnlySpan<char> text);

            private System.ReadOnlySpan<char> ReadCore(scoped System.ReadOnlySpan<char> text) => default;
        }
        """;

    public const string OpenAI = """
        using System.ClientModel;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using OpenAI.Chat;

        namespace Contoso.Direct
        {
            public partial class DirectClient(ChatClient client)
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial Task<ClientResult<ChatCompletion>> CompleteAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null);

                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial IAsyncEnumerable<StreamingChatCompletionUpdate> StreamAsync(IEnumerable<ChatMessage> messages);

                private Task<ClientResult<ChatCompletion>> CompleteCoreAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options) =>
                    client.CompleteChatAsync(messages, options);

                private IAsyncEnumerable<StreamingChatCompletionUpdate> StreamCoreAsync(IEnumerable<ChatMessage> messages) =>
                    client.CompleteChatStreamingAsync(messages);
            }
        }
        """;

    public const string ClassifiedAndEmbeddings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Compliance.Classification;

        namespace Contoso.Compliance;

        public sealed class PiiAttribute(string notes) : DataClassificationAttribute(new DataClassification("Contoso", notes.Length > 0 ? "PII" : "None"))
        {
            public string Origin { get; set; } = "";
        }

        public partial class Assistant(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder)
        {
            [LlmOperation(Provider = "azure.ai.openai", Model = "gpt-4o")]
            public partial Task<ChatResponse> AskAsync([SystemInstructions] string instructions, [Prompt, Pii("customer text", Origin = "form")] string question);

            [LlmOperation("embeddings", Provider = "azure.ai.openai", Model = "text-embedding-3-large")]
            public partial Task<GeneratedEmbeddings<Embedding<float>>> EmbedAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null);

            private Task<ChatResponse> AskCoreAsync(string instructions, string question) =>
                chat.GetResponseAsync([new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, question)]);

            private Task<GeneratedEmbeddings<Embedding<float>>> EmbedCoreAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options) =>
                embedder.GenerateAsync(values, options);
        }
        """;

    public const string Retrieval = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.VectorData;

        namespace Contoso.Rag;

        public sealed record Chunk([property: DocumentId] long Id, [property: DocumentScore] float? Relevance, string Text);

        public readonly record struct Hit([property: DocumentId] Guid Id, [property: DocumentScore] double Score);

        public sealed class Page
        {
            [VectorStoreKey] public string Url { get; set; } = "";
        }

        public partial class Retriever
        {
            [Retrieval(DataSource = "manuals", Provider = "azure.ai.inference", Model = "text-embedding-3-large")]
            public partial Task<IReadOnlyList<Chunk>> SearchAsync([Prompt] string query, [TopK] int top);

            [Retrieval]
            public partial IAsyncEnumerable<VectorSearchResult<Page>> SearchPagesAsync([Prompt] string query, [DataSource] string index);

            [Retrieval(DataSource = "hits")]
            public partial ImmutableArray<Hit> Nearest(ReadOnlyMemory<float> vector);

            [Retrieval(DataSource = "hits")]
            public partial HashSet<Hit> Distinct(ReadOnlyMemory<float> vector);

            private Task<IReadOnlyList<Chunk>> SearchCoreAsync(string query, int top) => Task.FromResult<IReadOnlyList<Chunk>>(Array.Empty<Chunk>());

            private async IAsyncEnumerable<VectorSearchResult<Page>> SearchPagesCoreAsync(string query, string index)
            {
                await Task.Yield();
                yield break;
            }

            private ImmutableArray<Hit> NearestCore(ReadOnlyMemory<float> vector) => ImmutableArray<Hit>.Empty;

            private HashSet<Hit> DistinctCore(ReadOnlyMemory<float> vector) => new();
        }
        """;

    public const string Guards = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.AI.Evaluation;

        namespace Contoso.Guarded;

        public sealed class Groundedness : ILlmEvaluator
        {
            public ValueTask<LlmEvaluation> EvaluateAsync(LlmEvaluationContext context, CancellationToken cancellationToken) => new(new LlmEvaluation(1, true));
        }

        /// <summary>A Microsoft.Extensions.AI.Evaluation evaluator: the generated adapter runs it.</summary>
        public sealed class Coherence : IEvaluator
        {
            public IReadOnlyCollection<string> EvaluationMetricNames => ["Coherence"];

            public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default) =>
                new(new EvaluationResult(new NumericMetric("Coherence", 4)));
        }

        public partial class Assistant(IChatClient chat, ILlmEvaluator toxicity, ChatConfiguration judge)
        {
            private readonly ChatConfiguration _judge = judge;

            private ILlmEvaluator Toxicity { get; } = toxicity;

            [LlmOperation(Provider = "openai", Model = "gpt-4o")]
            [EvalGuard(typeof(Coherence), ChatConfiguration = nameof(_judge), OnFailure = GuardAction.Throw)]
            [EvalGuard(typeof(Coherence), Name = "coherence-unjudged", SampleRate = 0.5)]
            public partial IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IList<ChatMessage> messages);

            private IAsyncEnumerable<ChatResponseUpdate> StreamCoreAsync(IList<ChatMessage> messages) => chat.GetStreamingResponseAsync(messages);

            [LlmOperation(Provider = "openai", Model = "gpt-4o")]
            [EvalGuard(typeof(Groundedness), Threshold = 0.7, OnFailure = GuardAction.Fallback, Fallback = nameof(SafeAnswerAsync), SampleRate = 0.25)]
            [EvalGuard(Evaluator = nameof(Toxicity), Name = "toxicity", Mode = GuardMode.Background)]
            public partial Task<ChatResponse> AnswerAsync([Prompt] string question, CancellationToken cancellationToken = default);

            private Task<ChatResponse> AnswerCoreAsync(string question, CancellationToken cancellationToken) => chat.GetResponseAsync(question, cancellationToken: cancellationToken);

            private Task<ChatResponse> SafeAnswerAsync(string question, CancellationToken cancellationToken) => Task.FromResult(new ChatResponse());
        }
        """;
}

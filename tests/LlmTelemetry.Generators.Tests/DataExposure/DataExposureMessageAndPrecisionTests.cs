using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>
/// What a finding names, and values that are not a prompt's or completion's text: the cases issue 24 found on real code
/// where the message named the wrong thing or the finding was noise.
/// </summary>
public sealed class DataExposureMessageAndPrecisionTests
{
    private static DiagnosticResult Logged(int location, string source, string sink) =>
        Verify.Diagnostic("LLMT1001").WithLocation(location).WithArguments(source, sink).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public async Task A_logged_prompt_is_named_as_the_variable_sent_not_as_a_piece_of_it()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string customerName, string userInput)
                {
                    var prompt = $"Customer {customerName} asks: {userInput}";
                    logger.LogInformation("Prompt: {Prompt}", {|#0:prompt|});
                    await chat.GetResponseAsync(prompt);
                }
            }
            """,
            Logged(0, "The prompt 'prompt' (sent to the model by 'GetResponseAsync')", "LogInformation"));
    }

    [Fact]
    public async Task The_element_a_foreach_reads_is_named_by_its_variable()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(ILogger<Bot> logger)
            {
                private readonly List<ChatMessage> _history = new();

                public void Dump()
                {
                    foreach (var message in _history)
                    {
                        logger.LogDebug("{Message}", {|#0:message|});
                    }
                }
            }
            """,
            Logged(0, "The chat content 'message'", "LogDebug"));
    }

    [Fact]
    public async Task Text_returned_by_a_helper_is_named_through_the_call_and_located_at_it()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                private async Task<string> AnswerAsync(string question)
                {
                    ChatResponse response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")]);
                    return response.Text;
                }

                public async Task RunAsync()
                {
                    string answer = await {|#1:AnswerAsync("hello")|};
                    logger.LogInformation("{Answer}", {|#0:answer|});
                }
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithLocation(1).WithArguments("The completion text 'response.Text', returned by 'AnswerAsync'", "LogInformation"));
    }

    [Fact]
    public async Task A_helper_logging_a_message_parameter_is_reported_once_in_the_helper_not_again_at_its_callers()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                private void Trace(ChatMessage message) => logger.LogTrace("{Message}", {|#0:message|});

                public async Task RunAsync()
                {
                    ChatResponse response = await chat.GetResponseAsync("Hi");
                    Trace(response.Messages[0]);
                }
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("The chat content parameter 'message'", "LogTrace"));
    }

    [Fact]
    public async Task Vectors_and_what_was_found_with_them_carry_no_text_the_embedded_query_does()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public sealed record Article(string Title, string Body);

            public class Search(IEmbeddingGenerator<string, Embedding<float>> embedder, ILogger<Search> logger)
            {
                private static List<Article> Nearest(ReadOnlyMemory<float> vector) => new();

                public async Task FindAsync(string query)
                {
                    ReadOnlyMemory<float> vector = await embedder.GenerateVectorAsync(query);
                    GeneratedEmbeddings<Embedding<float>> all = await embedder.GenerateAsync(new[] { query });
                    logger.LogDebug("Vector of {Dimensions}: {Vector} {All}", vector.Length, vector, all);
                    foreach (Article article in Nearest(vector))
                    {
                        logger.LogInformation("Found {Title}", article.Title);
                    }

                    logger.LogInformation("Searched for {Query}", {|#0:query|});
                }
            }
            """,
            Logged(0, "The prompt 'query' (sent to the model by 'GenerateVectorAsync')", "LogInformation"));
    }

    [Fact]
    public async Task An_address_the_model_returned_is_not_its_text()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Painter(OpenAI.Images.ImageClient images, ILogger<Painter> logger)
            {
                public async Task PaintAsync([Prompt] string description)
                {
                    System.ClientModel.ClientResult<OpenAI.Images.GeneratedImage> image = await images.GenerateImageAsync(description);
                    logger.LogInformation("Image at {Uri}", image.Value.ImageUri);
                }
            }
            """);
    }

    [Fact]
    public async Task A_type_name_or_an_unbound_member_in_an_exception_message_is_not_content()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public class Router(IChatClient chat)
            {
                public async Task RouteAsync(object request)
                {
                    ChatResponse response = await chat.GetResponseAsync("Classify this");
                    if (response.Messages.Count == 0)
                    {
                        throw new NotSupportedException($"Unexpected {response.Messages.GetType().Name}");
                    }

                    throw new InvalidOperationException($"Received {response.PayloadCase}");
                }
            }
            """);
    }

    [Fact]
    public async Task A_delegate_over_messages_is_code_not_content()
    {
        await Verify.VerifyAsync(DataExposureFlowTests.Usings + """
            public sealed record Step(string Id, Func<IList<ChatMessage>, bool> Done);

            public class Workflow
            {
                private readonly Func<IList<ChatMessage>, bool> _done = static messages => messages.Count > 3;

                public Step Build(string id)
                {
                    var step = new Step(id, _done);
                    if (step.Id.Length == 0)
                    {
                        throw new InvalidOperationException($"Step '{step.Id}' ends with {_done}");
                    }

                    return step;
                }
            }
            """);
    }
}

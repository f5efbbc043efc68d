using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Generators.Analyzers.DataExposure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>
/// The pre-check that spares most methods the flow analysis: which methods it lets through, and — the other half —
/// that a string variable it could have cleared wrongly (sent to a model, built into a prompt, overwritten with text)
/// is still flow-analyzed and reported.
/// </summary>
public sealed class DataExposurePreCheckTests
{
    private const string Bot = DataExposureFlowTests.Usings + """
        public partial class Bot(IChatClient chat, ILogger<Bot> logger)
        {
            private readonly ILogger _logger = logger;

            public async Task<ChatResponse> RedactedPromptAndModelId(string question, System.Threading.CancellationToken cancellationToken)
            {
                _logger.LogInformation("Asking {Length} characters", question.Length);
                _logger.LogDebug("Prompt {Prompt}", LlmContent.Redact(question));
                ChatResponse response = await chat.GetResponseAsync(question, cancellationToken: cancellationToken);
                _logger.LogInformation("Answered with {Tokens} tokens", response.Usage?.OutputTokenCount);
                string model = response.ModelId ?? "unknown";
                _logger.LogDebug("Answered by {Model}", model);
                return response;
            }

            public async Task ModelIdInALocal(string question)
            {
                var response = await chat.GetResponseAsync(question);
                string model = response.ModelId ?? "unknown";
                logger.LogInformation("Answered by {Model}", model);
            }

            public async Task UserIdParameter(string question, string userId)
            {
                logger.LogInformation("User {UserId} asks", userId);
                await chat.GetResponseAsync(question);
            }

            public async Task ChoiceOfNonTextValues(bool verbose)
            {
                var response = await chat.GetResponseAsync("hi");
                string id = verbose ? response.ResponseId ?? "none" : "hidden";
                logger.LogInformation("Response {Id}", id);
            }

            public async Task LocalThatIsSent()
            {
                var response = await chat.GetResponseAsync("hi");
                string model = response.ModelId ?? "unknown";
                logger.LogInformation("Asking {Model}", model);
                await chat.GetResponseAsync(model);
            }

            public async Task LocalAddedToACollectionThatIsSent()
            {
                var response = await chat.GetResponseAsync("hi");
                string model = response.ModelId ?? "unknown";
                var parts = new List<string>();
                parts.Add(model);
                logger.LogInformation("Asking {Model}", model);
                await chat.GetResponseAsync(string.Join(",", parts));
            }

            public async Task LocalOverwrittenWithText()
            {
                string text = "none";
                var response = await chat.GetResponseAsync("hi");
                text = response.Text;
                logger.LogInformation("Answer {Text}", text);
            }

            public async Task OverwrittenBeforeItIsLogged()
            {
                var response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                note = "answered";
                logger.LogInformation("Note {Note}", note);
            }

            public async Task OverwrittenBeforeABranchThatLogs(bool verbose)
            {
                var response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                note = response.ModelId ?? "unknown";
                if (verbose)
                {
                    logger.LogInformation("Model {Model}", note);
                }
            }

            public async Task OverwrittenOnOnePathOnly(bool verbose)
            {
                var response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                if (verbose)
                {
                    note = "answered";
                }

                logger.LogInformation("Path {Path}", note);
            }

            public async Task OverwrittenAfterTheLogInALoop(int count)
            {
                var response = await chat.GetResponseAsync("hi");
                string note = "none";
                for (int i = 0; i < count; i++)
                {
                    logger.LogInformation("Round {Round}", note);
                    note = response.Text;
                }
            }

            public async Task OverwrittenThenAppendedTo()
            {
                var response = await chat.GetResponseAsync("hi");
                string note = "none";
                note += response.Text;
                note += "!";
                logger.LogInformation("Appended {Appended}", note);
            }

            public async Task OverwriteJumpedOver(bool verbose)
            {
                var response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                if (verbose)
                {
                    goto log;
                }

                note = "answered";
            log:
                logger.LogInformation("Jumped {Jumped}", note);
            }

            public async Task OverwrittenThenReadInALambda()
            {
                var response = await chat.GetResponseAsync("hi");
                string note = response.Text;
                note = "answered";
                Action log = () => logger.LogInformation("Later {Later}", note);
                log();
            }

            public async Task ForeachVariable()
            {
                var response = await chat.GetResponseAsync("hi");
                foreach (string line in response.Text.Split('\n'))
                {
                    logger.LogInformation("Line {Line}", line);
                }
            }

            public async Task PromptParameter([Prompt] string question)
            {
                logger.LogInformation("Asking {Question}", question);
                await chat.GetResponseAsync("hi");
            }

            public async Task ParameterWrittenWithText(string userId)
            {
                var response = await chat.GetResponseAsync("hi");
                userId = response.Text;
                logger.LogInformation("User {UserId}", userId);
            }

            public async Task ParameterWrittenInALambda(string userId)
            {
                var response = await chat.GetResponseAsync("hi");
                Action overwrite = () => userId = response.Text;
                overwrite();
                logger.LogInformation("User {UserId}", userId);
            }

            public async Task HelperOfNonTextMembers()
            {
                var response = await chat.GetResponseAsync("hi");
                string summary = Summary(response);
                logger.LogInformation("Summary {Summary}", summary);
            }

            public async Task ConcatenationOfNonTextMembers()
            {
                var response = await chat.GetResponseAsync("hi");
                logger.LogInformation("Answered {Answer}", "by " + response.ModelId + " in " + response.Messages.Count + " messages");
            }

            public async Task HelperGivenAConstant()
            {
                await chat.GetResponseAsync("hi");
                logger.LogInformation("Quote {Quote}", Quote("fixed"));
            }

            public async Task HelperReturningText()
            {
                var response = await chat.GetResponseAsync("hi");
                string excerpt = Excerpt(response);
                logger.LogInformation("Excerpt {Excerpt}", excerpt);
            }

            public async Task HelperGivenText()
            {
                var response = await chat.GetResponseAsync("hi");
                logger.LogInformation("Quote {Quote}", Quote(response.Text));
            }

            public async Task HelperWithALocal()
            {
                var response = await chat.GetResponseAsync("hi");
                logger.LogInformation("Model {Model}", Describe(response));
            }

            public async Task RecursiveHelper()
            {
                var response = await chat.GetResponseAsync("hi");
                logger.LogInformation("Tail {Tail}", Tail(response, 3));
            }

            public async Task WrapperTwoCallsDeep()
            {
                var response = await chat.GetResponseAsync("hi");
                Note(response.Text);
            }

            public string EchoOfItself(string text, int depth)
            {
                string reply = chat.GetResponseAsync("hi").Result.Text;
                logger.LogInformation("Echo {Echo}", depth == 0 ? "none" : EchoOfItself(reply, 0));
                return text;
            }

            private static string Describe(ChatResponse response)
            {
                string model = response.ModelId ?? "unknown";
                return model;
            }

            private static string Tail(ChatResponse response, int depth) => depth == 0 ? response.Text : Tail(response, depth - 1);

            private void Note(string text) => Write(text);

            private void Write(string text) => logger.LogInformation("Note {Note}", text);

            private static string Summary(ChatResponse response) => (response.ModelId ?? "unknown") + " in " + response.Messages.Count + " messages";

            private static string Excerpt(ChatResponse response) => response.Text.Substring(0, 10);

            private static string Quote(string text) => "> " + text;

            [LlmOperation(Provider = "openai")]
            public partial Task<string> AnswerAsync([Prompt] string question);

            private async Task<string> AnswerCoreAsync(string question)
            {
                logger.LogInformation("Asking {Question}", question);
                return (await chat.GetResponseAsync("hi")).ModelId ?? "";
            }
        }
        """;

    [Theory]
    [InlineData("ModelIdInALocal", false)]
    [InlineData("RedactedPromptAndModelId", false)]
    [InlineData("UserIdParameter", false)]
    [InlineData("ChoiceOfNonTextValues", false)]
    [InlineData("LocalThatIsSent", true)]
    [InlineData("LocalAddedToACollectionThatIsSent", true)]
    [InlineData("LocalOverwrittenWithText", true)]
    [InlineData("OverwrittenBeforeItIsLogged", false)]
    [InlineData("OverwrittenBeforeABranchThatLogs", false)]
    [InlineData("OverwrittenOnOnePathOnly", true)]
    [InlineData("OverwrittenAfterTheLogInALoop", true)]
    [InlineData("OverwrittenThenAppendedTo", true)]
    [InlineData("OverwriteJumpedOver", true)]
    [InlineData("OverwrittenThenReadInALambda", true)]
    [InlineData("ForeachVariable", true)]
    [InlineData("PromptParameter", true)]
    [InlineData("ParameterWrittenWithText", true)]
    [InlineData("ParameterWrittenInALambda", true)]
    [InlineData("AnswerCoreAsync", true)]
    [InlineData("HelperOfNonTextMembers", false)]
    [InlineData("ConcatenationOfNonTextMembers", false)]
    [InlineData("HelperGivenAConstant", false)]
    [InlineData("HelperReturningText", true)]
    [InlineData("HelperGivenText", true)]
    [InlineData("HelperWithALocal", false)]
    [InlineData("RecursiveHelper", true)]
    [InlineData("WrapperTwoCallsDeep", true)]
    [InlineData("EchoOfItself", true)]
    public void A_method_is_flow_analyzed_only_when_a_sink_may_be_handed_source_text(string method, bool analyzed)
    {
        AnalyzedMethod loaded = AnalyzedMethod.Load(Bot, method);

        bool candidate = new ExposureCandidates(loaded.Exposure, loaded.Options).Contains(loaded.Body, BodyScan.Of(loaded.Body), loaded.Owner, default);

        Assert.Equal(analyzed, candidate);
    }

    [Fact]
    public async Task What_the_pre_check_lets_through_is_reported()
    {
        string markup = Bot
            .Replace("logger.LogInformation(\"Asking {Model}\", model);", "logger.LogInformation(\"Asking {Model}\", {|LLMT1001:model|});")
            .Replace("logger.LogInformation(\"Answer {Text}\", text);", "logger.LogInformation(\"Answer {Text}\", {|LLMT1001:text|});")
            .Replace("logger.LogInformation(\"Path {Path}\", note);", "logger.LogInformation(\"Path {Path}\", {|LLMT1001:note|});")
            .Replace("logger.LogInformation(\"Round {Round}\", note);", "logger.LogInformation(\"Round {Round}\", {|LLMT1001:note|});")
            .Replace("logger.LogInformation(\"Appended {Appended}\", note);", "logger.LogInformation(\"Appended {Appended}\", {|LLMT1001:note|});")
            .Replace("logger.LogInformation(\"Jumped {Jumped}\", note);", "logger.LogInformation(\"Jumped {Jumped}\", {|LLMT1001:note|});")
            .Replace("logger.LogInformation(\"Line {Line}\", line);", "logger.LogInformation(\"Line {Line}\", {|LLMT1001:line|});")
            .Replace("logger.LogInformation(\"Asking {Question}\", question);", "logger.LogInformation(\"Asking {Question}\", {|LLMT1001:question|});")
            .Replace("logger.LogInformation(\"User {UserId}\", userId);", "logger.LogInformation(\"User {UserId}\", {|LLMT1001:userId|});")
            .Replace("logger.LogInformation(\"Excerpt {Excerpt}\", excerpt);", "logger.LogInformation(\"Excerpt {Excerpt}\", {|LLMT1001:excerpt|});")
            .Replace("logger.LogInformation(\"Quote {Quote}\", Quote(response.Text));", "logger.LogInformation(\"Quote {Quote}\", {|LLMT1001:Quote(response.Text)|});")
            .Replace("logger.LogInformation(\"Tail {Tail}\", Tail(response, 3));", "logger.LogInformation(\"Tail {Tail}\", {|LLMT1001:Tail(response, 3)|});")
            .Replace("Note(response.Text);", "Note({|LLMT1001:response.Text|});")
            .Replace("depth == 0 ? \"none\" : EchoOfItself(reply, 0));", "{|LLMT1001:depth == 0 ? \"none\" : EchoOfItself(reply, 0)|});");
        await Verify.VerifyAsync(markup);
    }
}

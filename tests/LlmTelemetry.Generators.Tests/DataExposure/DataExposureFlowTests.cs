using System.Threading.Tasks;
using Xunit;
using Verify = LlmTelemetry.Generators.Tests.Infrastructure.AnalyzerVerifier<LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer>;

namespace LlmTelemetry.Generators.Tests.DataExposure;

/// <summary>LLMT1001: how prompt and completion text flows from where it comes from to a log call.</summary>
public sealed class DataExposureFlowTests
{
    internal const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Logging;

        """;

    [Fact]
    public async Task Completion_text_logged_directly_is_reported_with_the_source_as_additional_location()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    ChatResponse response = await chat.GetResponseAsync("What is the refund policy?");
                    logger.LogInformation("Answer: {Answer}", {|#0:{|#1:response.Text|}|});
                }
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithLocation(1).WithArguments("The completion text 'response.Text'", "LogInformation"));
    }

    [Fact]
    public async Task A_prompt_logged_before_it_is_sent()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    logger.LogDebug("Asking {Question}", {|#0:question|});
                    await chat.GetResponseAsync({|#1:question|});
                }
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithLocation(1).WithArguments("The prompt 'question' (sent to the model by 'GetResponseAsync')", "LogDebug"));
    }

    [Fact]
    public async Task A_prompt_sent_to_a_wrapper_marked_ModelCall()
    {
        await Verify.VerifyAsync(Usings + """
            public class Gateway
            {
                [ModelCall]
                public Task<string> SendAsync(string prompt) => Task.FromResult(prompt);
            }

            public class Bot(Gateway gateway, ILogger<Bot> logger)
            {
                public async Task AskAsync(string question)
                {
                    logger.LogDebug("Asking {Question}", {|#0:question|});
                    string answer = await gateway.SendAsync({|#1:question|});
                    logger.LogDebug("Answer {Length}", answer.Length);
                }
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithLocation(1).WithArguments("The prompt 'question' (sent to the model by 'SendAsync')", "LogDebug"));
    }

    [Fact]
    public async Task Through_a_StringBuilder_and_interpolation()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    var builder = new StringBuilder();
                    builder.Append("Model said: ");
                    builder.Append($"<{{|#1:response.Text|}}>");
                    logger.LogInformation({|#0:builder.ToString()|});
                }
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithLocation(1).WithArguments("The completion text 'response.Text'", "LogInformation"));
    }

    [Fact]
    public async Task Through_a_field_written_in_one_method_and_read_in_another()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                private string? _lastAnswer;

                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    _lastAnswer = response.Text;
                }

                public void Dump() => logger.LogWarning("Last answer: {Answer}", {|#0:_lastAnswer|});
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithArguments("The completion text 'response.Text'", "LogWarning").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task Through_a_helper_method_that_returns_the_text()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                public async Task AskAsync()
                {
                    var response = await chat.GetResponseAsync("hi");
                    string summary = Summarize(response);
                    logger.LogInformation({|#0:summary|});
                }

                private static string Summarize(ChatResponse response) => "Answer: " + response.Text.Trim();
            }
            """,
            Verify.Diagnostic("LLMT1001").WithLocation(0).WithArguments("The response of 'GetResponseAsync'", "LogInformation").WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public async Task Overwritten_local_constant_system_prompt_and_length_are_not_reported()
    {
        await Verify.VerifyAsync(Usings + """
            public class Bot(IChatClient chat, ILogger<Bot> logger)
            {
                private const string SystemPrompt = "You are a helpful support assistant.";

                public async Task AskAsync(string question)
                {
                    var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, question)]);
                    string text = response.Text;
                    logger.LogInformation("Answer length {Length}", text.Length);
                    logger.LogInformation("Tokens {Tokens}", response.Usage?.OutputTokenCount);
                    logger.LogInformation("Model {Model}, id {Id}", response.ModelId, response.ResponseId);
                    logger.LogInformation("System prompt: {Prompt}", SystemPrompt);
                    text = "done";
                    logger.LogInformation(text);
                }
            }
            """);
    }
}

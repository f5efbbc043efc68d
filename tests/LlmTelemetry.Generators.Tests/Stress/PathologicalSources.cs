using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmTelemetry.Generators.Tests.Stress;

/// <summary>
/// Legal (or, for the truncations and unresolved references, half-written) C# that a user's build can meet and that
/// pushes an analysis to its limits: deep expressions, deep statement nesting, call chains that grow exponentially
/// when walked per call site, recursion between methods, very long bodies. Each source puts a completion's text on
/// the way to a log, so that an analysis that follows content has to go all the way through.
/// </summary>
internal static class PathologicalSources
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using LlmTelemetry;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Logging;

        """;

    /// <summary>Every case by name, at the sizes issue 24 names.</summary>
    public static IReadOnlyDictionary<string, Func<string>> All { get; } = new Dictionary<string, Func<string>>(StringComparer.Ordinal)
    {
        ["long-concatenation-10000"] = () => LongConcatenation(10_000),
        // Not 10,000 nested calls: the parser reports that expression too deep, and Roslyn's own binder then runs out of
        // stack on a thread-pool thread (an InsufficientExecutionStackException from the compiler, on some test runs and
        // not others). 3,000 is what the compiler handles; past 500 the analysis gives up on the method (AnalysisBounds).
        ["nested-calls-3000"] = () => NestedCalls(3_000),
        ["local-function-chain-50"] = () => LocalFunctionChain(50),
        ["nested-lambdas-50"] = () => NestedLambdas(50),
        ["else-if-chain-2000"] = () => ElseIfChain(2_000),
        ["mutual-recursion-20"] = () => MutualRecursion(20),
        ["long-method-5000"] = () => LongMethod(5_000),
        ["unresolved-references"] = UnresolvedReferences,
    };

    /// <summary><c>logger.LogInformation(response.Text + "|1" + "|2" + … )</c>: a left-deep tree of <paramref name="terms"/> operands, the completion at the bottom.</summary>
    public static string LongConcatenation(int terms)
    {
        var expression = new StringBuilder("response.Text", terms * 8);
        for (int i = 1; i < terms; i++)
        {
            expression.Append(" + \"|").Append(i).Append('"');
        }

        return Chat($"""
            var response = await chat.GetResponseAsync("question");
            logger.LogInformation({expression});
            """);
    }

    /// <summary><c>logger.LogInformation(F(F(F(… F(response.Text) …))))</c>, <paramref name="depth"/> calls deep.</summary>
    public static string NestedCalls(int depth)
    {
        string call = string.Concat(Enumerable.Repeat("F(", depth)) + "response.Text" + new string(')', depth);
        return Chat($"""
                var response = await chat.GetResponseAsync("question");
                logger.LogInformation({call});
            """, members: "private static string F(string text) => text;");
    }

    /// <summary>Local functions L0 … L(n-1), each calling the next twice; the last logs the completion: 2^n paths.</summary>
    public static string LocalFunctionChain(int levels)
    {
        var body = new StringBuilder();
        body.AppendLine("var response = await chat.GetResponseAsync(\"question\");");
        body.AppendLine("L0(response.Text);");
        for (int i = 0; i < levels - 1; i++)
        {
            body.AppendLine($"void L{i}(string text) {{ L{i + 1}(text); L{i + 1}(text + \"{i}\"); }}");
        }

        body.AppendLine($"void L{levels - 1}(string text) => logger.LogInformation(text);");
        return Chat(body.ToString());
    }

    /// <summary>Lambdas nested <paramref name="levels"/> deep, each invoking the one inside it twice; the innermost logs the captured completion.</summary>
    public static string NestedLambdas(int levels)
    {
        var body = new StringBuilder();
        body.AppendLine("var response = await chat.GetResponseAsync(\"question\");");
        body.AppendLine("string text = response.Text;");
        for (int i = 0; i < levels; i++)
        {
            body.AppendLine($"Action a{i} = () => {{");
        }

        body.AppendLine("logger.LogInformation(text);");
        for (int i = levels - 1; i >= 0; i--)
        {
            body.AppendLine(i == levels - 1 ? "};" : $"a{i + 1}(); a{i + 1}(); }};");
        }

        body.AppendLine("a0();");
        return Chat(body.ToString());
    }

    /// <summary><c>if (n == 0) … else if (n == 1) … </c> <paramref name="branches"/> times, one branch assigning the completion, then a log.</summary>
    public static string ElseIfChain(int branches)
    {
        var body = new StringBuilder();
        body.AppendLine("var response = await chat.GetResponseAsync(\"question\");");
        body.AppendLine("int n = response.Text.Length;");
        body.AppendLine("string chosen = \"\";");
        for (int i = 0; i < branches; i++)
        {
            string value = i == branches / 2 ? "response.Text" : $"\"{i}\"";
            body.Append(i == 0 ? "" : "else ").AppendLine($"if (n == {i}) chosen = {value};");
        }

        body.AppendLine("logger.LogInformation(chosen);");
        return Chat(body.ToString());
    }

    /// <summary><paramref name="methods"/> methods in a ring, each logging its argument and passing it on to the next; plus one that calls itself.</summary>
    public static string MutualRecursion(int methods)
    {
        var members = new StringBuilder();
        for (int i = 0; i < methods; i++)
        {
            members.AppendLine($$"""
                private void R{{i}}(string text, int n)
                {
                    if (n <= 0) { logger.LogInformation(text); return; }
                    R{{(i + 1) % methods}}(text + "{{i}}", n - 1);
                    R{{(i + methods - 1) % methods}}(text, n - 2);
                }
                """);
        }

        members.AppendLine("private string Self(string text, int n) => n == 0 ? text : Self(Self(text, n - 1) + \"x\", n - 1);");
        return Chat("""
            var response = await chat.GetResponseAsync("question");
            R0(response.Text, 100);
            logger.LogInformation(Self(response.Text, 10));
            """, members.ToString());
    }

    /// <summary>A body of <paramref name="statements"/> statements passing the completion from local to local, with a branch every 50 and a log at the end.</summary>
    public static string LongMethod(int statements)
    {
        var body = new StringBuilder();
        body.AppendLine("var response = await chat.GetResponseAsync(\"question\");");
        body.AppendLine("bool verbose = response.Text.Length > 3;");
        body.AppendLine("string s0 = response.Text;");
        for (int i = 1; i < statements; i++)
        {
            body.AppendLine(i % 50 == 0 ? $"string s{i} = verbose ? s{i - 1} : \"{i}\"; if (verbose) {{ logger.LogDebug(s{i}); }}" : $"string s{i} = s{i - 1} + \"{i}\";");
        }

        body.AppendLine($"logger.LogInformation(s{statements - 1});");
        return Chat(body.ToString());
    }

    /// <summary>Code that does not bind: unknown types, members, loggers and attribute arguments beside model calls and logs.</summary>
    public static string UnresolvedReferences() => Usings + """
        namespace Stress;

        public partial class Broken(IChatClient chat, ILogger logger, Unknown unknown)
        {
            private Missing _field = new Missing();

            [LlmOperation(Provider = Missing.Provider, Model = nameof(Unknown))]
            public partial Task<Unknown> AskAsync([Prompt] Missing question);

            private async Task<Unknown> AskCoreAsync(Missing question)
            {
                var response = await chat.GetResponseAsync(question.Text, unknown.Options);
                logger.LogInformation(Transform(response.Text, _field));
                undefinedLogger.LogWarning(response.Text);
                unknown.Log(response.Message.Content);
                response.Text.DoesNotExist().Either();
                Console.WriteLine(response.Missing ?? response.Text);
                var again = await unknown.Client.GetResponseAsync(response);
                logger.LogInformation("{Answer}", again.Text);
                return new Unknown(response);
            }
        }
        """;

    /// <summary>
    /// The file cut after token after token: <paramref name="source"/>'s prefixes ending at a token's end, every
    /// <c>n</c>-th token so that at most <paramref name="maxCount"/> come out (the whole file last).
    /// </summary>
    public static IEnumerable<string> PrefixTruncations(string source, int maxCount)
    {
        List<int> ends = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens(descendIntoTrivia: false)
            .Where(static t => !t.IsKind(SyntaxKind.EndOfFileToken))
            .Select(static t => t.Span.End)
            .ToList();
        int step = Math.Max(1, (ends.Count + maxCount - 1) / maxCount);
        for (int i = step - 1; i < ends.Count; i += step)
        {
            yield return source[..ends[i]];
        }
    }

    /// <summary>A file as a user of LlmTelemetry writes it, for <see cref="PrefixTruncations"/>.</summary>
    public const string RealLookingFile = Usings + """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;

        namespace Contoso.Helpdesk;

        public sealed record Ticket(string Id, string Customer, string Body);

        public partial class TicketTriage(IChatClient chat, ILogger<TicketTriage> logger)
        {
            private readonly List<string> _history = new();

            [LlmOperation(Provider = "openai", Model = "gpt-4o-mini")]
            public partial Task<ChatResponse> ClassifyAsync([Prompt] string ticketText, CancellationToken cancellationToken = default);

            private Task<ChatResponse> ClassifyCoreAsync(string ticketText, CancellationToken cancellationToken) =>
                chat.GetResponseAsync($"Classify this ticket: {ticketText}", cancellationToken: cancellationToken);

            public async Task<string> TriageAsync(Ticket ticket, CancellationToken cancellationToken)
            {
                logger.LogInformation("Triaging ticket {Id} of {Length} characters", ticket.Id, ticket.Body.Length);
                ChatResponse response = await ClassifyAsync(ticket.Body, cancellationToken);
                string label = Normalize(response.Text);
                _history.Add(label);
                if (label.Length == 0)
                {
                    logger.LogWarning("Empty label for {Id}: {Answer}", ticket.Id, response.Text);
                    return "unknown";
                }

                string Normalize(string text) => text.Trim().ToLowerInvariant();
                return label;
            }

            public async IAsyncEnumerable<string> DraftReplyAsync(Ticket ticket, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                var messages = new List<ChatMessage> { new(ChatRole.System, "You write short replies."), new(ChatRole.User, ticket.Body) };
                await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken))
                {
                    Func<string, string> tidy = piece => piece.Replace("\r", "", StringComparison.Ordinal);
                    yield return tidy(update.Text);
                }
            }

            public void Dump() => Console.WriteLine(string.Join(", ", _history.Select((h, i) => $"{i}: {h}")));
        }
        """;

    // A class with an IChatClient and an ILogger around an async method whose body is `body`.
    private static string Chat(string body, string members = "") => Usings + $$"""
        namespace Stress;

        public class Pathological(IChatClient chat, ILogger logger)
        {
            public async Task RunAsync()
            {
        {{body}}
            }

        {{members}}
        }
        """;
}

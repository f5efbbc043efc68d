using System.Collections.Generic;
using System.Threading.Tasks;

// File-scoped namespace; block-scoped and global namespaces are in the files beside this one.
namespace LlmTelemetry.Tests.Operations.TypeShapes;

public static partial class Outer
{
    internal partial class Inner<TContext>
        where TContext : class
    {
        [LlmOperation("text_completion", Provider = "openai", Model = "gpt-3.5-turbo-instruct")]
        public partial Task<string> CompleteAsync(TContext context, [Prompt] string prompt);

        [LlmOperation(Provider = "anthropic", Model = "claude-sonnet")]
        internal static partial ValueTask<Completion> Summarize<TItem>(IReadOnlyList<TItem> items)
            where TItem : notnull;

        private Task<string> CompleteCoreAsync(TContext context, string prompt) => Task.FromResult(prompt + " ... completed for " + context);

        private static ValueTask<Completion> SummarizeCore<TItem>(IReadOnlyList<TItem> items)
            where TItem : notnull => new(new Completion($"{items.Count} item(s)"));
    }
}

public partial struct TokenCounter
{
    private int _calls;

    public readonly int Calls => _calls;

    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial Completion Count([Prompt] string prompt);

    private Completion CountCore(string prompt)
    {
        _calls++;
        return new Completion(prompt) { PromptTokens = prompt.Length };
    }
}

public readonly partial struct ReadOnlyModel(string name)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public readonly partial string Describe();

    private readonly string DescribeCore() => "model " + name;
}

public partial record Assistant(string Name)
{
    [LlmOperation(Provider = "mistral_ai", Model = "mistral-large")]
    public partial Task GreetAsync([Prompt] string greeting);

    private Task GreetCoreAsync(string greeting) => Task.CompletedTask;
}

public partial record struct Tool(string Name)
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    private partial string Invoke([Prompt] string input);

    public string Run(string input) => Invoke(input);

    private string InvokeCore(string input) => $"{Name}({input})";
}

public sealed partial class Keywords
{
    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
    public partial string @class([Prompt] string @event, int @int);

    private string classCore(string @event, int @int) => @event + @int;
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LlmTelemetry.Package.Tests;

/// <summary>
/// The code fixes as a new user applies them from the command line: a console app from the package feed with each
/// mistake they repair, one <c>dotnet format analyzers</c> run over all of them, then a build with warnings as errors
/// and a run that shows the spans the docs promise, with the documented provider setup (<c>AddLlmTelemetry()</c> and an
/// exporter) only.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CodeFixPackageTests(PackageFixture package)
{
    private static readonly string[] s_fixed = ["LLMT0001", "LLMT0003", "LLMT2001", "LLMT2002", "LLMT2004", "LLMT1001"];

    [Fact]
    public async Task Dotnet_format_fixes_every_mistake_and_the_app_builds_warning_free_and_is_traced()
    {
        using ConsumerProject consumer = await ConsumerProject.CreateAsync("Assistant", package);
        foreach (string dependency in new[] { "OpenTelemetry", "OpenTelemetry.Exporter.InMemory", "Microsoft.Extensions.AI", "OpenAI" })
        {
            await consumer.AddPackageAsync(dependency);
        }

        string program = Path.Combine(consumer.Folder, "Program.cs");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "CodeFixConsumer", "Program.cs"), program, overwrite: true);

        // As written, the build fails on the usage errors and lists the warnings.
        InvalidOperationException before = await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.RunAsync("build"));
        foreach (string reported in new[] { "error LLMT0001", "error LLMT0002", "error LLMT0003", "warning LLMT2001", "warning LLMT2004", "warning LLMT1001" })
        {
            Assert.Contains(reported, before.Message);
        }

        string format = await consumer.RunAsync(["format", "analyzers", "--diagnostics", .. s_fixed, "--severity", "info", "--verbosity", "diagnostic"]);
        Assert.DoesNotContain("Unable to fix", format); // no ID without a fix, no fixer without a Fix All action
        Assert.DoesNotContain("Failed to apply code fix", format);

        string source = await File.ReadAllTextAsync(program);
        Assert.Contains("public sealed partial class Assistant(", source);
        Assert.Contains("public partial Task<ChatResponse> FaqAsync([Prompt] string topic);", source); // LLMT0001, LLMT0003
        Assert.Contains("private Task<ChatResponse> FaqCoreAsync(string topic) =>", source);
        Assert.Contains("[LlmOperation(Provider = \"openai\", Model = ChatModel)]\n    public partial Task<ChatResponse> AskAsync([Prompt] string question);", source.Replace("\r\n", "\n")); // LLMT2002
        Assert.Contains("LlmContent.Redact(question)", source); // LLMT1001
        Assert.Contains("=> SummarizeAsync(text);", source); // LLMT2004
        Assert.Contains("new ChatClientBuilder(inner).UseOpenTelemetry().Build()", source); // LLMT2001

        await consumer.RunAsync("build", "-warnaserror");
        string output = await consumer.RunAsync("run", "--no-build");

        string[] spans = output.Split('\n').Where(static l => l.StartsWith("SPAN ", StringComparison.Ordinal)).ToArray();
        // The three operations (the one the fix made, the one it traced, the one now called through its body)...
        string[] operations = spans.Where(static s => s.StartsWith("SPAN LlmTelemetry|", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, operations.Length);
        Assert.All(operations, span =>
        {
            Assert.StartsWith("SPAN LlmTelemetry|chat gpt-4o-mini|Client|", span);
            Assert.Contains("gen_ai.provider.name=openai", span);
            Assert.Contains("gen_ai.usage.input_tokens=3", span);
        });
        // ...and the pipeline UseOpenTelemetry() traced, exported by the same AddLlmTelemetry() setup.
        string pipeline = Assert.Single(spans, static s => s.StartsWith("SPAN Experimental.Microsoft.Extensions.AI|", StringComparison.Ordinal));
        Assert.StartsWith("SPAN Experimental.Microsoft.Extensions.AI|chat gpt-4o-mini|Client|", pipeline);
        Assert.Contains("METRIC LlmTelemetry|gen_ai.client.operation.duration", output);
        Assert.Contains("METRIC Experimental.Microsoft.Extensions.AI|gen_ai.client.operation.duration", output);
    }
}

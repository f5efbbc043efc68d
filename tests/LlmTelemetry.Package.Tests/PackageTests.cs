using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LlmTelemetry.Package.Tests;

/// <summary>
/// LlmTelemetry as a new user meets it: <c>dotnet new console</c>, <c>dotnet add package LlmTelemetry</c> from a folder
/// feed, an annotated method in each return shape, a build with warnings as errors, a run that shows spans and metrics.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests(PackageFixture package)
{
    [Fact]
    public void The_package_holds_the_library_the_generator_and_the_switch()
    {
        using ZipArchive archive = ZipFile.OpenRead(package.Nupkg);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();

        Assert.Contains("lib/netstandard2.0/LlmTelemetry.dll", entries);
        Assert.Contains("lib/net8.0/LlmTelemetry.dll", entries);
        Assert.Contains("lib/net8.0/LlmTelemetry.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/LlmTelemetry.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/LlmTelemetry.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/LlmTelemetry.targets", entries);
        Assert.Contains("README.md", entries);
        string nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.DoesNotContain("LlmTelemetry.Generators\"", nuspec); // the generator is packed, not a dependency
        Assert.DoesNotContain("Microsoft.Extensions.AI", nuspec);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task A_new_console_app_builds_warning_free_and_emits_spans_and_metrics(string framework)
    {
        using ConsumerProject consumer = await ConsumerProject.CreateAsync("Consumer", package);
        string app = consumer.Folder;
        // This SDK's console template offers only net10.0; a net8.0 app is the same project retargeted.
        string project = Path.Combine(app, "Consumer.csproj");
        await File.WriteAllTextAsync(project, (await File.ReadAllTextAsync(project)).Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{framework}</TargetFramework>"));
        Assert.Contains($"<TargetFramework>{framework}</TargetFramework>", await File.ReadAllTextAsync(project));
        await consumer.AddPackageAsync("OpenTelemetry");
        await consumer.AddPackageAsync("OpenTelemetry.Exporter.InMemory");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ConsumerApp", "Program.cs"), Path.Combine(app, "Program.cs"), overwrite: true);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ConsumerApp", ".editorconfig"), Path.Combine(app, ".editorconfig"), overwrite: true);

        await DotNet.RunAsync(app, null, "build", "-warnaserror", "-p:Nullable=enable");

        // Only the .NET 10 runtime is guaranteed here; a net8.0 app runs on it by rolling forward.
        var environment = new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" };
        string output = await DotNet.RunAsync(app, environment, "run", "--no-build");

        Assert.Contains("sync: echo Hi", output);
        Assert.Contains("chunk: three", output);
        string[] spans = output.Split('\n').Where(l => l.StartsWith("SPAN ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(7, spans.Length);
        Assert.All(spans, span =>
        {
            Assert.StartsWith("SPAN chat gpt-4o-mini|Client|", span);
            Assert.Contains("gen_ai.operation.name=chat", span);
            Assert.Contains("gen_ai.provider.name=openai", span);
            Assert.Contains("gen_ai.request.model=gpt-4o-mini", span);
        });
        Assert.Equal(3, spans.Count(s => s.Contains("gen_ai.usage.input_tokens=3") && s.Contains("gen_ai.response.finish_reasons=stop")));
        Assert.Single(spans, s => s.Contains("gen_ai.request.stream=True") && s.Contains("gen_ai.response.time_to_first_chunk="));
        Assert.Contains("METRIC gen_ai.client.operation.duration|s", output);
        Assert.Contains("METRIC gen_ai.client.token.usage|{token}", output);
        Assert.Contains("METRIC gen_ai.client.operation.time_to_first_chunk|s", output);
    }

    [Fact]
    public async Task The_switch_turns_the_generator_off_and_usage_errors_reach_the_build()
    {
        using ConsumerProject consumer = await ConsumerProject.CreateAsync("Off", package);
        string app = consumer.Folder;
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using LlmTelemetry;
            Console.WriteLine(new Bot().Ask("q"));
            public partial class Bot
            {
                [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                public partial string Ask(string q);
                private string AskCore(string q) => q;
            }
            """);

        InvalidOperationException failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DotNet.RunAsync(app, null, "build", "-p:LlmTelemetryGenerator=false"));

        Assert.Contains("CS8795", failure.Message); // the partial method got no body: the generator did not run
        await DotNet.RunAsync(app, null, "build"); // and with the switch unset it does

        // A usage error reaches dotnet build itself, not a CS8795 that hides it (csc runs no analyzer after an error of its own).
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), (await File.ReadAllTextAsync(Path.Combine(app, "Program.cs"))).Replace("private string AskCore(string q) => q;", string.Empty));
        InvalidOperationException usageError = await Assert.ThrowsAsync<InvalidOperationException>(() => DotNet.RunAsync(app, null, "build"));
        Assert.Contains("error LLMT0003", usageError.Message);
        Assert.DoesNotContain("CS8795", usageError.Message);

        // A containing type that is not partial keeps the compiler's CS8795, and LLMT0002 says what to do about it.
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using LlmTelemetry;
            Console.WriteLine(new Outer.Bot().Ask("q"));
            public class Outer
            {
                public partial class Bot
                {
                    [LlmOperation(Provider = "openai", Model = "gpt-4o")]
                    public partial string Ask(string q);
                    private string AskCore(string q) => q;
                }
            }
            """);
        InvalidOperationException notPartial = await Assert.ThrowsAsync<InvalidOperationException>(() => DotNet.RunAsync(app, null, "build"));
        Assert.Contains("error LLMT0002: Type 'Outer' must be declared 'partial'", notPartial.Message);
    }
}

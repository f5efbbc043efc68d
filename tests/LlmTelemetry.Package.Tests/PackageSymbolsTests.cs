using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace LlmTelemetry.Package.Tests;

/// <summary>
/// The package's library is built deterministically and carries its symbols, with Source Link to the exact commit, and
/// its nuspec names that repository and commit, when packed as CI packs it from a clone of the GitHub repository (the
/// SDK's Source Link reads the git remote).
/// </summary>
public sealed class PackageSymbolsTests
{
    private const string RepositoryUrl = "https://github.com/llmtelemetry/llmtelemetry.git";
    private static readonly Guid s_sourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public async Task Packed_from_a_GitHub_clone_the_library_is_deterministic_and_its_embedded_symbols_link_to_the_commit()
    {
        using TemporaryClone temporary = await TemporaryClone.CreateAsync("llmtelemetry-sourcelink");
        string clone = temporary.Path;
        await DotNet.GitAsync(clone, "remote", "set-url", "origin", RepositoryUrl);
        string commit = (await DotNet.GitAsync(clone, "rev-parse", "HEAD")).Trim();
        string feed = Path.Combine(clone, "feed");
        await DotNet.RunAsync(clone, new Dictionary<string, string> { ["CI"] = "true" },
            "pack", Path.Combine("src", "LlmTelemetry", "LlmTelemetry.csproj"), "-c", "Release", "-o", feed);

        using ZipArchive package = ZipFile.OpenRead(Directory.GetFiles(feed, "LlmTelemetry.*.nupkg").Single());
        string nuspec = new StreamReader(package.Entries.Single(static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        string repository = nuspec.Split('\n').Single(static line => line.Contains("<repository ", StringComparison.Ordinal));
        Assert.Contains($"url=\"{RepositoryUrl}\"", repository);
        Assert.Contains($"commit=\"{commit}\"", repository);
        foreach (string library in new[] { "lib/netstandard2.0/LlmTelemetry.dll", "lib/net8.0/LlmTelemetry.dll" })
        {
            using var image = new MemoryStream();
            using (Stream entry = package.GetEntry(library)!.Open())
            {
                entry.CopyTo(image);
            }

            image.Position = 0;
            using var pe = new PEReader(image);
            var debugDirectory = pe.ReadDebugDirectory();
            Assert.Contains(debugDirectory, static e => e.Type == DebugDirectoryEntryType.Reproducible);
            DebugDirectoryEntry embedded = Assert.Single(debugDirectory, static e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            using MetadataReaderProvider symbols = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            MetadataReader pdb = symbols.GetMetadataReader();

            // ContinuousIntegrationBuild maps the clone's path away: the symbols hold no machine's folders.
            string[] documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToArray();
            Assert.NotEmpty(documents);
            Assert.All(documents.Where(static d => d.EndsWith(".cs", StringComparison.Ordinal) && !d.Contains("/obj/", StringComparison.Ordinal)),
                d => Assert.StartsWith("/_/src/LlmTelemetry/", d));

            string sourceLink = pdb.CustomDebugInformation
                .Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == s_sourceLinkKind)
                .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
                .Single();
            Assert.Contains($"https://raw.githubusercontent.com/llmtelemetry/llmtelemetry/{commit}/*", sourceLink);
        }
    }
}

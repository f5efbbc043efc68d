using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LlmTelemetry.Tests.Shared;
using Xunit;

namespace LlmTelemetry.Package.Tests;

/// <summary>
/// Each commit packs a version of its own, so that NuGet's global packages folder, which keeps the first package it saw
/// under a version, never hands a consumer an older build; outside a clone, or without git, the version is the prefix
/// alone and the build says nothing about it.
/// </summary>
public sealed class PackageVersionTests
{
    private const string Prefix = "0.1.0";

    [Fact]
    public async Task Each_commit_packs_a_version_of_its_own()
    {
        using TemporaryClone clone = await TemporaryClone.CreateAsync("llmtelemetry-version");

        string first = await PackAsync(clone.Path);
        Assert.Equal(await ExpectedVersionAsync(clone.Path), first);

        await DotNet.GitAsync(clone.Path, "-c", "user.name=LlmTelemetry tests", "-c", "user.email=tests@llmtelemetry.invalid", "commit", "--quiet", "--allow-empty", "-m", "The next commit");
        string second = await PackAsync(clone.Path);

        Assert.Equal(await ExpectedVersionAsync(clone.Path), second);
        Assert.NotEqual(first, second);
        Assert.True(CommitCount(second) == CommitCount(first) + 1, $"{second} does not come after {first}.");
    }

    [Fact]
    public async Task Outside_a_clone_the_version_is_the_prefix()
    {
        string copy = Path.Combine(Path.GetTempPath(), "llmtelemetry-archive-" + Guid.NewGuid().ToString("N"));
        string archive = copy + ".tar";
        try
        {
            // What a source archive holds: the tracked files, no .git.
            await DotNet.GitAsync(RepositoryPaths.Root, "archive", "--format=tar", "-o", archive, "HEAD");
            Directory.CreateDirectory(copy);
            await TarFile.ExtractToDirectoryAsync(archive, copy, overwriteFiles: false);

            Assert.Equal(Prefix, await VersionAsync(copy, environment: null));
        }
        finally
        {
            File.Delete(archive);
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Without_git_the_version_is_the_prefix()
    {
        // On PATH only the folder dotnet really lives in (/usr/bin/dotnet is often a link, beside git).
        string onPath = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
            .Select(static folder => new FileInfo(Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")))
            .First(static file => file.Exists).FullName;
        string dotnet = Path.GetDirectoryName(new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath)!;
        Assert.False(File.Exists(Path.Combine(dotnet, "git")) || File.Exists(Path.Combine(dotnet, "git.exe")));

        // And the shell MSBuild runs commands with (cmd.exe is found without PATH).
        DirectoryInfo shell = Directory.CreateTempSubdirectory("llmtelemetry-no-git-");
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.CreateSymbolicLink(Path.Combine(shell.FullName, "sh"), "/bin/sh");
            }

            string path = dotnet + Path.PathSeparator + shell.FullName;
            Assert.Equal(Prefix, await VersionAsync(RepositoryPaths.Root, new Dictionary<string, string> { ["PATH"] = path }));
        }
        finally
        {
            shell.Delete(recursive: true);
        }
    }

    // Packs as the README says and returns the version in the package's file name.
    private static async Task<string> PackAsync(string clone)
    {
        string feed = Path.Combine(clone, "feed-" + Guid.NewGuid().ToString("N"));
        await DotNet.RunAsync(clone, null, "pack", Path.Combine("src", "LlmTelemetry", "LlmTelemetry.csproj"), "-c", "Release", "-o", feed, "-warnaserror");
        string package = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "LlmTelemetry.*.nupkg").Single());
        return package["LlmTelemetry.".Length..];
    }

    // The version the build gives the package, with warnings as errors, without building it.
    private static async Task<string> VersionAsync(string root, IReadOnlyDictionary<string, string>? environment) =>
        (await DotNet.RunAsync(root, environment, "msbuild", Path.Combine("src", "LlmTelemetry", "LlmTelemetry.csproj"),
            "-t:SetVersionFromGit", "-getProperty:PackageVersion", "-p:TargetFramework=net8.0", "-warnaserror", "-nologo")).Trim();

    private static async Task<string> ExpectedVersionAsync(string clone)
    {
        string count = (await DotNet.GitAsync(clone, "rev-list", "--count", "HEAD")).Trim();
        string commit = (await DotNet.GitAsync(clone, "rev-parse", "HEAD")).Trim();
        return $"{Prefix}-dev.{count}.g{commit[..10]}";
    }

    private static int CommitCount(string version) => int.Parse(version.Split('.')[3], System.Globalization.CultureInfo.InvariantCulture);
}

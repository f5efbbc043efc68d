using System;
using System.IO;
using LlmTelemetry.Tests.Shared;
using Xunit;

namespace LlmTelemetry.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated source with a checked-in golden file. Set <c>LLMT_UPDATE_GOLDEN=1</c> to rewrite the files
/// from what the generator produces now, then review the diff.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        string path = RepositoryPaths.Combine("tests", "LlmTelemetry.Generators.Tests", "Golden", name + ".g.cs");
        // The generator's version is in every [GeneratedCode]; golden files do not change with it.
        actual = System.Text.RegularExpressions.Regex.Replace(actual.Replace("\r\n", "\n"), "\"LlmTelemetry.Generators\", \"[^\"]+\"", "\"LlmTelemetry.Generators\", \"VERSION\"");
        if (Environment.GetEnvironmentVariable("LLMT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file '{path}' is missing; run the tests with LLMT_UPDATE_GOLDEN=1 to create it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}

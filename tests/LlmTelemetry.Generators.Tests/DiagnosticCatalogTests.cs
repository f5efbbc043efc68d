using System;
using System.IO;
using LlmTelemetry.Tests.Shared;
using System.Linq;
using System.Reflection;
using LlmTelemetry.Generators.Analyzers;
using LlmTelemetry.Generators.Diagnostics;
using LlmTelemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LlmTelemetry.Generators.Tests;

/// <summary>
/// Every diagnostic is reported by one analyzer (LLMT0002 by the generator), tracked in the release files and documented
/// where its help link points.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Diagnostic_is_supported_tracked_and_documented(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);

        if (id == DiagnosticIds.TypeMustBePartial)
        {
            // The generator's (UsageDiagnosticsInBuildTests): an analyzer reporting it too would show it twice in the IDE.
            Assert.DoesNotContain(Analyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));
        }
        else
        {
            Assert.Single(Analyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));
        }

        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);

        string page = RepositoryPaths.Combine("docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing.");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page));

        string unshipped = File.ReadAllText(RepositoryPaths.Combine("src", "LlmTelemetry.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", unshipped);
    }

    [Fact]
    public void Ids_are_unique_and_their_range_matches_their_category()
    {
        string[] ids = Descriptors().Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(Descriptors(), d => Assert.Matches(
            d.Category switch
            {
                "LlmTelemetry.Usage" => "^LLMT0[0-9]{3}$",
                "LlmTelemetry.DataExposure" => "^LLMT1[0-9]{3}$",
                _ => "^LLMT2[0-9]{3}$",
            },
            d.Id));
    }

    private static readonly Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] Analyzers =
    {
        new LlmOperationUsageAnalyzer(),
        new UntracedModelCallAnalyzer(),
        new LlmTelemetry.Generators.Analyzers.DataExposure.DataExposureAnalyzer(),
        new LlmTelemetry.Generators.Analyzers.DataExposure.RawContentCaptureAnalyzer(),
    };

    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
}

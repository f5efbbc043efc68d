using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LlmTelemetry.Tests.Shared;

namespace LlmTelemetry.Package.Tests;

/// <summary>The version Directory.Packages.props pins for a package, so that a consumer app restores what the repository does.</summary>
internal static class CentralPackageVersions
{
    private static readonly XDocument s_props = XDocument.Load(RepositoryPaths.Combine("Directory.Packages.props"));

    public static string Of(string package)
    {
        string version = s_props.Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;
        // "$(OpenTelemetryVersion)": a property of the same file.
        Match property = Regex.Match(version, @"^\$\((?<name>\w+)\)$");
        return property.Success ? s_props.Descendants(property.Groups["name"].Value).Single().Value : version;
    }
}

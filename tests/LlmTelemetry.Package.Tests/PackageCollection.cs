using Xunit;

namespace LlmTelemetry.Package.Tests;

/// <summary>The tests that consume the packed package: one pack for all of them, and one at a time on a shared machine.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}

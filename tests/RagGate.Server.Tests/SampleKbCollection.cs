namespace RagGate.Server.Tests;

/// <summary>Tests that share the sample and its index (built once) and the published server (published once).</summary>
[CollectionDefinition(Name)]
public sealed class SampleKbCollection : ICollectionFixture<SampleKb>, ICollectionFixture<Deploy.PublishedServer>
{
    public const string Name = "support-kb";
}

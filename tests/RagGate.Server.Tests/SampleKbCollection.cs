namespace RagGate.Server.Tests;

/// <summary>Tests that share the sample and its index (built once).</summary>
[CollectionDefinition(Name)]
public sealed class SampleKbCollection : ICollectionFixture<SampleKb>
{
    public const string Name = "support-kb";
}

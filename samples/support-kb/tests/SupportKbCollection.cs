namespace SupportKb.QualityTests;

/// <summary>One engine and one scored run for every quality test class.</summary>
[CollectionDefinition(Name)]
public sealed class SupportKbCollection : ICollectionFixture<SupportKbFixture>
{
    public const string Name = "support-kb";
}

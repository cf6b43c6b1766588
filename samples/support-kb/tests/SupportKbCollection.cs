namespace SupportKb.QualityTests;

/// <summary>
/// One engine for every quality test class. Latency is not tested here: speed is measured by
/// <c>raggate eval</c> (p95 gates) and the benchmark commands, never by timed unit tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SupportKbCollection : ICollectionFixture<SupportKbFixture>
{
    public const string Name = "support-kb";
}

using RagGate.Engine.Configuration;
using RagGate.Engine.Retrieval;

namespace RagGate.Engine.Tests.Configuration;

public sealed class PolicyRegistryTests
{
    [Fact]
    public void EnginePolicies_EveryEnumValueHasOneName_AndEveryNameMapsBack()
    {
        AssertCovers(EnginePolicies.RetrievalModes);
        AssertCovers(EnginePolicies.ChunkingModes);
        AssertCovers(EnginePolicies.VectorStorages);
        AssertCovers(EnginePolicies.Precisions);
        AssertCovers(EnginePolicies.Answerers);
    }

    [Fact]
    public void TryGet_IgnoresCase_AndRejectsUnknownNames()
    {
        Assert.True(EnginePolicies.RetrievalModes.TryGet("BM25", out var mode));
        Assert.Equal(RetrievalMode.Bm25, mode);
        Assert.False(EnginePolicies.RetrievalModes.TryGet("sparse", out _));
        var error = Assert.Throws<ArgumentException>(() => EnginePolicies.RetrievalModes.Get("sparse"));
        Assert.StartsWith("'sparse' is not a registered retrieval mode; expected one of: dense, bm25, hybrid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateOrUpperCaseName_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new PolicyRegistry<int>("number", ("one", 1), ("one", 2)));
        Assert.Throws<ArgumentException>(() => new PolicyRegistry<int>("number", ("One", 1)));
    }

    // Names are what fingerprints, reports and messages print: each value needs exactly one.
    private static void AssertCovers<T>(PolicyRegistry<T> registry)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, registry.Names.Count);
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.Equal(value, registry.Get(registry.NameOf(value)));
        }
    }
}

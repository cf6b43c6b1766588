using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Engine.Tests.Embeddings;

namespace RagGate.Engine.Tests.Pipeline;

/// <summary><c>embedding.precision</c> travels from the config into the index and its fingerprint.</summary>
[Collection(ModelCollection.Name)]
public sealed class IndexStorePrecisionTests
{
    [Fact]
    public async Task OpenOrBuildAsync_Int8Config_RecordsInt8AndRebuildsWhenPrecisionChanges()
    {
        using var folder = new TempFolder();
        var corpus = new IngestionResult(
            [new Document("a", null, "Alpha grows in water."), new Document("b", null, "Beta is a metal.")], [], "jsonl", "memory");
        RagGateConfig Config(string precision) => TestConfigs.For(Path.Combine(folder.Path, "raggate.yaml"), new EngineConfig
        {
            Index = Path.Combine(folder.Path, "index"),
            Embedding = new EmbeddingOptions { CacheDirectory = folder.Path, Precision = EnginePolicies.Precisions.Get(precision), Threads = 2 },
        });

        using (var int8 = RagEngine.CreateEmbedder(Config("int8").Engine.Embedding))
        {
            Assert.Equal(EmbeddingPrecision.Int8, int8.Precision);
            await IndexStore.OpenOrBuildAsync(Config("int8"), corpus, int8, progress: null, CancellationToken.None);
        }

        var saved = await RagIndex.LoadAsync(Path.Combine(folder.Path, "index"));
        Assert.Equal(EmbeddingPrecision.Int8, saved.Manifest.Precision);

        using (var again = RagEngine.CreateEmbedder(Config("int8").Engine.Embedding))
        {
            var reused = await IndexStore.OpenOrBuildAsync(Config("int8"), corpus, again, progress: null, CancellationToken.None);
            Assert.Equal(saved.ContentHash, reused.ContentHash);
            Assert.Equal(0, again.Statistics.Inferences + again.Statistics.CacheHits);
        }

        using var fp32 = RagEngine.CreateEmbedder(Config("fp32").Engine.Embedding);
        var rebuilt = await IndexStore.OpenOrBuildAsync(Config("fp32"), corpus, fp32, progress: null, CancellationToken.None);

        Assert.Equal(EmbeddingPrecision.Fp32, rebuilt.Manifest.Precision);
        Assert.Equal(2, fp32.Statistics.Inferences);
        Assert.NotEqual(saved.ContentHash, rebuilt.ContentHash);
    }
}

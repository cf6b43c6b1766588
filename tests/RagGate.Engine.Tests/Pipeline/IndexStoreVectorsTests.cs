using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Engine.Retrieval;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Pipeline;

/// <summary><c>retrieval.vectors</c> travels from the config into the saved index and its fingerprint.</summary>
[Collection(ModelCollection.Name)]
public sealed class IndexStoreVectorsTests
{
    [Fact]
    public async Task OpenOrBuildAsync_VectorsChange_RebuildsFromTheCacheAndReusesWhenUnchanged()
    {
        using var folder = new TempFolder();
        var corpus = new IngestionResult(
            [new Document("a", null, "Alpha grows in water."), new Document("b", null, "Beta is a metal.")], [], "jsonl", "memory");
        var indexFolder = Path.Combine(folder.Path, "index");

        using (var fp32 = RagEngine.CreateEmbedder(Config(folder, "fp32").Engine.Embedding))
        {
            var built = await IndexStore.OpenOrBuildAsync(Config(folder, "fp32"), corpus, fp32, progress: null, CancellationToken.None);
            Assert.Equal(VectorStorage.Fp32, built.Manifest.Vectors);
            Assert.Null(built.Int8Vectors);
        }

        RagIndex rescored;
        using (var embedder = RagEngine.CreateEmbedder(Config(folder, "int8-rescore").Engine.Embedding))
        {
            rescored = await IndexStore.OpenOrBuildAsync(Config(folder, "int8-rescore"), corpus, embedder, progress: null, CancellationToken.None);
            // Rebuilt (the fingerprint changed), from the cache: nothing embedded again.
            Assert.Equal((0L, 2L), (embedder.Statistics.Inferences, embedder.Statistics.CacheHits));
        }

        var saved = await RagIndex.LoadAsync(indexFolder);
        Assert.Equal(VectorStorage.Int8Rescore, saved.Manifest.Vectors);
        Assert.True(File.Exists(Path.Combine(indexFolder, "vectors.i8")));
        Assert.Equal(rescored.ContentHash, saved.ContentHash);

        using (var again = RagEngine.CreateEmbedder(Config(folder, "int8-rescore").Engine.Embedding))
        {
            var reused = await IndexStore.OpenOrBuildAsync(Config(folder, "int8-rescore"), corpus, again, progress: null, CancellationToken.None);
            Assert.Equal(saved.ContentHash, reused.ContentHash);
            Assert.Equal(0, again.Statistics.Inferences + again.Statistics.CacheHits);
        }

        using var int8 = RagEngine.CreateEmbedder(Config(folder, "int8").Engine.Embedding);
        var only = await IndexStore.OpenOrBuildAsync(Config(folder, "int8"), corpus, int8, progress: null, CancellationToken.None);
        Assert.Equal(VectorStorage.Int8, only.Manifest.Vectors);
        Assert.False(File.Exists(Path.Combine(indexFolder, "vectors.bin")));
    }

    [Fact]
    public async Task OpenOrBuildAsync_IndexOnlyConfigAsksForOtherVectors_ThrowsNamingBoth()
    {
        using var folder = new TempFolder();
        var corpus = new IngestionResult([new Document("a", null, "Alpha grows in water.")], [], "jsonl", "memory");
        using var embedder = RagEngine.CreateEmbedder(Config(folder, "fp32").Engine.Embedding);
        await IndexStore.OpenOrBuildAsync(Config(folder, "fp32"), corpus, embedder, progress: null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InputException>(() =>
            IndexStore.OpenOrBuildAsync(Config(folder, "int8").WithEngine(e => e with { Corpus = null }), null, embedder, progress: null, CancellationToken.None));

        Assert.Equal($"{Path.Combine(folder.Path, "index", "manifest.json")}:vectors: the index stores fp32 vectors, the config asks for "
            + "retrieval.vectors int8; rebuild it with raggate index --config", error.Message);
    }

    private static RagGateConfig Config(TempFolder folder, string vectors) => TestConfigs.For(Path.Combine(folder.Path, "raggate.yaml"), new EngineConfig
    {
        Index = Path.Combine(folder.Path, "index"),
        Embedding = new EmbeddingOptions { CacheDirectory = folder.Path, Threads = 2 },
        Retrieval = new RetrievalOptions { Vectors = EnginePolicies.VectorStorages.Get(vectors) },
    });
}

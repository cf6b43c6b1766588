using RagGate.Engine.Chunking;
using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Pipeline;
using RagGate.Engine.Tests.Embeddings;

namespace RagGate.Engine.Tests.Pipeline;

/// <summary>
/// What the index fingerprint protects: a saved index is reused only while the corpus, the model
/// and the config it was built from are unchanged; one changed byte of the corpus, another model
/// or other chunking rebuilds it.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class IndexStoreFingerprintTests
{
    private const string Corpus = """
        {"id": "a", "text": "Alpha grows in water."}
        {"id": "b", "text": "Beta is a metal."}

        """;

    [Fact]
    public async Task OpenOrBuildAsync_Unchanged_ReusesTheSavedIndexWithoutEmbedding()
    {
        using var folder = new TempFolder();
        var config = Config(folder);
        var first = await OpenAsync(config);

        var (again, inferences, hits) = await OpenCountingAsync(config);

        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.Equal((0L, 0L), (inferences, hits));
    }

    [Fact]
    public async Task OpenOrBuildAsync_OneCorpusByteChangedSameSizeAndTime_RebuildsAndEmbedsTheChangedDocument()
    {
        using var folder = new TempFolder();
        var config = Config(folder);
        var first = await OpenAsync(config);
        // Same length and the same modification time: only the content tells the change apart.
        var written = File.GetLastWriteTimeUtc(config.Engine.Corpus!);
        await File.WriteAllTextAsync(config.Engine.Corpus!, Corpus.Replace("metal.", "metal!", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(config.Engine.Corpus!, written);

        var (rebuilt, inferences, hits) = await OpenCountingAsync(config);

        Assert.NotEqual(first.ContentHash, rebuilt.ContentHash);
        Assert.Equal((1L, 1L), (inferences, hits));
        Assert.Equal("Beta is a metal!", rebuilt.Chunks[1].Text);
    }

    [Fact]
    public async Task OpenOrBuildAsync_OtherModel_Rebuilds()
    {
        using var folder = new TempFolder();
        var config = Config(folder);
        await OpenAsync(config);

        var (rebuilt, inferences, _) = await OpenCountingAsync(config.WithEngine(e => e with { Embedding = e.Embedding with { Model = "arctic-embed-xs" } }));

        Assert.Equal("arctic-embed-xs", rebuilt.Manifest.ModelId);
        Assert.Equal(2L, inferences);
        Assert.Equal("arctic-embed-xs", (await RagIndex.LoadAsync(config.Engine.Index!)).Manifest.ModelId);
    }

    [Fact]
    public async Task OpenOrBuildAsync_OtherChunking_Rebuilds()
    {
        using var folder = new TempFolder();
        var config = Config(folder);
        await OpenAsync(config);

        var (rebuilt, _, _) = await OpenCountingAsync(config.WithEngine(e => e with { Chunking = new ChunkingOptions { Mode = ChunkingMode.Tokens, MaxTokens = 8, OverlapTokens = 0 } }));

        // Both short documents fit one 8-piece chunk, so the chunks (and the content hash) may not
        // change; the saved manifest says which chunking built the index.
        Assert.Equal((ChunkingMode.Tokens, 8), (rebuilt.Manifest.Chunking.Mode, rebuilt.Manifest.Chunking.MaxTokens));
        Assert.Equal(ChunkingMode.Tokens, (await RagIndex.LoadAsync(config.Engine.Index!)).Manifest.Chunking.Mode);
    }

    private static RagGateConfig Config(TempFolder folder) => TestConfigs.For(Path.Combine(folder.Path, "raggate.yaml"), new EngineConfig
    {
        Corpus = folder.Write("corpus.jsonl", Corpus),
        Index = Path.Combine(folder.Path, "index"),
        Embedding = new EmbeddingOptions { CacheDirectory = Path.Combine(folder.Path, "cache"), Threads = 2 },
    });

    private static async Task<RagIndex> OpenAsync(RagGateConfig config) => (await OpenCountingAsync(config)).Index;

    private static async Task<(RagIndex Index, long Inferences, long CacheHits)> OpenCountingAsync(RagGateConfig config)
    {
        using var embedder = RagEngine.CreateEmbedder(config.Engine.Embedding);
        var index = await IndexStore.OpenOrBuildAsync(config, corpus: null, embedder, progress: null, CancellationToken.None);
        return (index, embedder.Statistics.Inferences, embedder.Statistics.CacheHits);
    }
}

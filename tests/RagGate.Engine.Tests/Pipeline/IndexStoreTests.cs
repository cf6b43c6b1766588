using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Engine.Tests.Embeddings;

namespace RagGate.Engine.Tests.Pipeline;

/// <summary>Index builds embed the answerer's sentences only when the eval will answer.</summary>
[Collection(ModelCollection.Name)]
public sealed class IndexStoreTests
{
    [Fact]
    public async Task OpenOrBuildAsync_RetrievalOnly_EmbedsOnlyTheDocuments()
    {
        var misses = await CacheMissesOfBuildAsync(answer: false);

        Assert.Equal(2, misses);
    }

    [Fact]
    public async Task OpenOrBuildAsync_WithAnswers_AlsoEmbedsEverySentence()
    {
        var misses = await CacheMissesOfBuildAsync(answer: true);

        // Two whole documents, then their six distinct sentences for the extractive answerer.
        Assert.Equal(2 + 6, misses);
    }

    private static async Task<long> CacheMissesOfBuildAsync(bool answer)
    {
        using var folder = new TempFolder();
        var run = Guid.NewGuid().ToString("N")[..8];
        var documents = new[]
        {
            new Document("a", null, $"Alpha {run} grows in water. It needs light to live. Its leaves are green."),
            new Document("b", null, $"Beta {run} is a metal. It melts at high heat. Tools are made from it."),
        };
        var corpus = new IngestionResult(documents, [], "jsonl", "memory");
        var config = TestConfigs.For(System.IO.Path.Combine(folder.Path, "raggate.yaml"), new EngineConfig
        {
            Embedding = new EmbeddingOptions { CacheDirectory = folder.Path },
        }, answer);
        using var embedder = OnnxEmbeddingGenerator.Create(new EmbeddingOptions { Threads = 2, CacheDirectory = folder.Path });

        await IndexStore.OpenOrBuildAsync(config, corpus, embedder, progress: null, CancellationToken.None);

        return embedder.Statistics.CacheMisses;
    }
}

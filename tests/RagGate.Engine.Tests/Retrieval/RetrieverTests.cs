using RagGate.Engine.Chunking;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Retrieval;
using RagGate.Engine.Tests.Chunking;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Engine.Tests.Indexing;
using RagGate.Evaluation.Runs;

namespace RagGate.Engine.Tests.Retrieval;

public sealed class RetrieverTests
{
    [Theory]
    [InlineData(RetrievalMode.Dense)]
    [InlineData(RetrievalMode.Bm25)]
    [InlineData(RetrievalMode.Hybrid)]
    public async Task SearchAsync_ManyChunksPerDocument_OneResultPerDocumentRankedFromOne(RetrievalMode mode)
    {
        var generator = new HashingTestEmbeddingGenerator();
        var index = await TestIndexes.BuildAsync(generator, maxTokens: 8, overlap: 2);
        var retriever = new Retriever(index, generator, new RetrievalOptions { Mode = mode, CandidateChunks = 1 });

        var results = await retriever.SearchAsync("reset password sign in code email store", 4);

        Assert.Equal(4, results.Count);
        Assert.Equal(4, results.Select(r => r.Id).Distinct().Count());
        Assert.Equal([1, 2, 3, 4], results.Select(r => r.Rank));
        Assert.True(results.Zip(results.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        foreach (var result in results)
        {
            Assert.Contains(index.Chunks, c => c.DocumentId == result.Id && c.Text == result.Text);
        }
    }

    [Fact]
    public async Task SearchAsync_Dense_BestChunkPerDocumentEqualsScanOverChunks()
    {
        var generator = new HashingTestEmbeddingGenerator();
        var index = await TestIndexes.BuildAsync(generator, maxTokens: 8, overlap: 2);
        var retriever = new Retriever(index, generator, new RetrievalOptions());
        const string Query = "lost phone backup code";

        var results = await retriever.SearchAsync(Query, 2);

        var query = generator.Embed(Query);
        var expected = Enumerable.Range(0, index.Chunks.Count)
            .Select(row => (Id: index.DocumentOf(row).Id, Row: row, Score: (double)System.Numerics.Tensors.TensorPrimitives.Dot(index.Vectors!.Row(row), query)))
            .GroupBy(c => c.Id)
            .Select(g => g.OrderByDescending(c => c.Score).ThenBy(c => c.Row).First())
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .Take(2)
            .ToList();
        Assert.Equal(expected.Select(e => e.Id), results.Select(r => r.Id));
        Assert.Equal(expected.Select(e => index.Chunks[e.Row].Text), results.Select(r => r.Text));
        Assert.Equal("two-factor", results[0].Id);
        Assert.Equal(1, generator.QueryRequests);
    }

    [Fact]
    public async Task SearchAsync_Bm25_NeedsNoGeneratorAndScoresLikeTheIndex()
    {
        var index = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), maxTokens: 400, overlap: 0);
        var retriever = new Retriever(index, generator: null, new RetrievalOptions { Mode = RetrievalMode.Bm25 });

        var results = await retriever.SearchAsync("international tracking", 3);

        var result = Assert.Single(results);
        Assert.Equal("shipping", result.Id);
        Assert.Equal(index.Bm25.Search("international tracking", 1)[0].Score, result.Score);
    }

    [Fact]
    public async Task SearchAsync_Hybrid_FusesDenseAndBm25DocumentRankings()
    {
        var generator = new HashingTestEmbeddingGenerator();
        var index = await TestIndexes.BuildAsync(generator, maxTokens: 8, overlap: 2);
        const string Query = "refund card password reset";
        var dense = await new Retriever(index, generator, new RetrievalOptions { CandidateChunks = 1000 }).SearchAsync(Query, 4);
        var bm25 = await new Retriever(index, null, new RetrievalOptions { Mode = RetrievalMode.Bm25, CandidateChunks = 1000 }).SearchAsync(Query, 4);

        var hybrid = await new Retriever(index, generator, new RetrievalOptions { Mode = RetrievalMode.Hybrid, CandidateChunks = 1000 })
            .SearchAsync(Query, 4);

        var expected = RrfFusion.Fuse([[.. dense.Select(d => d.Id)], [.. bm25.Select(d => d.Id)]]);
        Assert.Equal(expected.Select(e => e.Key), hybrid.Select(h => h.Id));
        Assert.Equal(expected.Select(e => e.Value), hybrid.Select(h => h.Score));
    }

    [Theory]
    [InlineData(RetrievalMode.Dense)]
    [InlineData(RetrievalMode.Bm25)]
    [InlineData(RetrievalMode.Hybrid)]
    public async Task SearchAsync_TiedScores_RanksAsTrecEvalScoresTheRun(RetrievalMode mode)
    {
        // Three copies of one text tie in every mode; trec_eval ranks ties by id descending.
        var generator = new HashingTestEmbeddingGenerator();
        var text = "Refunds are paid back to the original card within five business days.";
        var corpus = new IngestionResult([new("copy-a", null, text), new("copy-c", null, text), new("copy-b", null, text)], [], CorpusFormats.Jsonl, "t.jsonl");
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 64, OverlapTokens = 0 }, TestTokenCounter.Count, 512);
        var index = await IndexBuilder.BuildAsync(corpus, chunker, generator, new IndexBuildOptions(), null, CancellationToken.None);
        var retriever = new Retriever(index, generator, new RetrievalOptions { Mode = mode });

        var results = await retriever.SearchAsync("refunds card", 3);

        Assert.Equal(["copy-c", "copy-b", "copy-a"], results.Select(r => r.Id));
        Assert.Equal(TrecRanking.RankedIds(results.Select(r => new ScoredDocument(r.Id, r.Score))), results.Select(r => r.Id));
    }

    [Fact]
    public async Task Ctor_DenseWithoutGenerator_Throws()
    {
        var index = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator());

        Assert.Throws<ArgumentException>(() => new Retriever(index, null, new RetrievalOptions()));
    }

    [Fact]
    public async Task SearchAsync_GeneratorWithOtherDimensions_ThrowsInputError()
    {
        var index = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(64));
        var retriever = new Retriever(index, new HashingTestEmbeddingGenerator(32), new RetrievalOptions());

        var error = await Assert.ThrowsAsync<RagGate.Evaluation.InputException>(() => retriever.SearchAsync("refund", 3));

        Assert.StartsWith("index:dimensions: the index holds 64-d vectors but the embedding model gives 32-d", error.Message);
    }
}

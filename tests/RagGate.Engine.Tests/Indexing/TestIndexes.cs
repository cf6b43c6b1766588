using RagGate.Engine.Chunking;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Tests.Chunking;
using RagGate.Engine.Tests.Embeddings;

namespace RagGate.Engine.Tests.Indexing;

/// <summary>A small support corpus indexed with the hashing test double.</summary>
internal static class TestIndexes
{
    public static readonly Document[] Documents =
    [
        new("refunds", "Refunds", "Refunds are paid back to the original card within five business days. "
            + "Store credit is issued at once. Refunds for annual plans are prorated."),
        new("passwords", "Reset your password", "Open the sign-in page and choose forgot password. "
            + "We email a reset link that expires after one hour. Choose a new password of twelve characters."),
        new("shipping", null, "Orders ship from our warehouse in two days. Tracking numbers arrive by email. "
            + "International shipping takes up to three weeks."),
        new("two-factor", "Two-factor login", "Two-factor login asks for a code from your authenticator app. "
            + "Lost your phone? Use a backup code to sign in and reset two-factor."),
    ];

    public static IngestionResult Corpus => new(Documents, [], CorpusFormats.Jsonl, "test.jsonl");

    public static Task<RagIndex> BuildAsync(HashingTestEmbeddingGenerator generator, int maxTokens = 12, int overlap = 3,
        IProgress<IndexProgress>? progress = null, int batchSize = 256, DateTimeOffset? createdAt = null, VectorStorage vectors = VectorStorage.Fp32,
        string? bm25Cache = null)
    {
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlap }, TestTokenCounter.Count, 512);
        var options = new IndexBuildOptions
        {
            BatchSize = batchSize,
            CreatedAt = createdAt ?? new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Vectors = vectors,
            Bm25CacheDirectory = bm25Cache,
        };
        return IndexBuilder.BuildAsync(Corpus, chunker, generator, options, progress, CancellationToken.None);
    }
}

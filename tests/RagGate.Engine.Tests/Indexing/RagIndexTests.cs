using RagGate.Engine.Indexing;
using RagGate.Engine.Retrieval;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Indexing;

public sealed class RagIndexTests
{
    [Fact]
    public async Task BuildAsync_SmallChunks_EmbedsEveryChunkWithTitleAndReportsProgress()
    {
        var generator = new HashingTestEmbeddingGenerator();
        var reports = new List<IndexProgress>();

        var index = await TestIndexes.BuildAsync(generator, progress: new SyncProgress(reports), batchSize: 4);

        Assert.True(index.Chunks.Count > TestIndexes.Documents.Length);
        Assert.Equal(index.Chunks.Count, generator.DocumentTexts);
        Assert.Equal((index.Chunks.Count + 3) / 4, reports.Count);
        Assert.Equal(new IndexProgress(4, 4, index.Chunks.Count, index.Chunks.Count), reports[^1]);
        Assert.Equal(HashingTestEmbeddingGenerator.ModelId, index.Manifest.ModelId);
        var first = index.Chunks[0];
        Assert.Equal(generator.Embed("Refunds " + first.Text), index.Vectors!.Row(0).ToArray());
        Assert.Equal("refunds", index.DocumentOf(0).Id);
    }

    [Fact]
    public async Task SaveLoad_RoundTrip_SameContentAndSearchResults()
    {
        using var folder = new TempFolder();
        var generator = new HashingTestEmbeddingGenerator();
        var built = await TestIndexes.BuildAsync(generator);
        var directory = folder.File("index");

        await built.SaveAsync(directory);
        var loaded = await RagIndex.LoadAsync(directory, HashingTestEmbeddingGenerator.ModelId);

        Assert.Equal(built.ContentHash, loaded.ContentHash);
        Assert.Equal(64, built.ContentHash.Length);
        Assert.Equal(built.Manifest.Files, loaded.Manifest.Files);
        Assert.Equal(built.Manifest with { Files = loaded.Manifest.Files }, loaded.Manifest);
        Assert.Equal(built.Chunks, loaded.Chunks);
        Assert.Equal(built.Documents, loaded.Documents);
        Assert.Equal(built.Vectors!.Data.ToArray(), loaded.Vectors!.Data.ToArray());
        Assert.Equal(built.Bm25.TermCount, loaded.Bm25.TermCount);
        foreach (var mode in Enum.GetValues<RetrievalMode>())
        {
            var options = new RetrievalOptions { Mode = mode };
            foreach (var query in new[] { "reset my password", "refund to card", "shipping tracking email" })
            {
                var before = await new Retriever(built, generator, options).SearchAsync(query, 3);
                var after = await new Retriever(loaded, generator, options).SearchAsync(query, 3);
                Assert.Equal(before, after);
            }
        }
    }

    [Fact]
    public async Task Save_ExistingFolder_ReplacedWithoutLeftovers()
    {
        using var folder = new TempFolder();
        var directory = folder.Write("index/stale.txt", "old");
        directory = Path.GetDirectoryName(directory)!;

        await (await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator())).SaveAsync(directory);

        Assert.Equal(["bm25.bin", "chunks.jsonl", "documents.jsonl", "manifest.json", "vectors.bin"],
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([directory], Directory.GetDirectories(folder.Path));
    }

    [Fact]
    public async Task ContentHash_SameCorpusBuiltTwiceAtDifferentTimes_Equal()
    {
        var first = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), createdAt: DateTimeOffset.UnixEpoch);
        var second = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), createdAt: DateTimeOffset.UnixEpoch.AddDays(1));
        var otherChunking = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), maxTokens: 20);

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.NotEqual(first.ContentHash, otherChunking.ContentHash);
    }

    [Theory]
    [InlineData("vectors.bin")]
    [InlineData("bm25.bin")]
    [InlineData("documents.jsonl")]
    public async Task Load_CorruptedDataByte_ThrowsChecksumMismatch(string file)
    {
        using var folder = new TempFolder();
        var directory = await SavedIndexAsync(folder);
        var path = Path.Combine(directory, file);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^7] ^= 0x10;
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.Equal($"{path}: checksum mismatch; the index is corrupted, rebuild it with raggate index", error.Message);
    }

    [Fact]
    public async Task Load_CorruptedChunkText_ThrowsChecksumMismatch()
    {
        using var folder = new TempFolder();
        var directory = await SavedIndexAsync(folder);
        var path = Path.Combine(directory, "chunks.jsonl");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Refunds", "Rebates", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.Equal($"{path}: checksum mismatch; the index is corrupted, rebuild it with raggate index", error.Message);
    }

    [Fact]
    public async Task Load_TruncatedVectors_ThrowsTruncated()
    {
        using var folder = new TempFolder();
        var directory = await SavedIndexAsync(folder);
        var path = Path.Combine(directory, "vectors.bin");
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..^100]);

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.Equal($"{path}: truncated: expected {bytes.Length} bytes, found {bytes.Length - 100}; the index is corrupted, rebuild it with raggate index",
            error.Message);
    }

    [Fact]
    public async Task Load_WrongModel_ThrowsNamingBothModels()
    {
        using var folder = new TempFolder();
        var directory = await SavedIndexAsync(folder);

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory, "minilm-l6-v2"));

        Assert.Equal($"{Path.Combine(directory, "manifest.json")}:modelId: the index was built with model 'hashing-test', expected 'minilm-l6-v2'; "
            + "rebuild it with raggate index --model minilm-l6-v2", error.Message);
    }

    [Theory]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", ":formatVersion: expected 1, found 2")]
    [InlineData("\"checksum\": \"", "\"checksum\": \"0", ":checksum: checksum mismatch")]
    [InlineData("{", "[", ": malformed JSON")]
    public async Task Load_EditedManifest_ThrowsNamingTheField(string find, string replace, string expected)
    {
        using var folder = new TempFolder();
        var directory = await SavedIndexAsync(folder);
        var path = Path.Combine(directory, "manifest.json");
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(find, text);
        await File.WriteAllTextAsync(path, text.Replace(find, replace, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.StartsWith(path + expected, error.Message);
    }

    [Fact]
    public async Task Load_MissingDataFile_ThrowsNotFound()
    {
        using var folder = new TempFolder();
        var directory = await SavedIndexAsync(folder);
        File.Delete(Path.Combine(directory, "documents.jsonl"));

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.StartsWith(Path.Combine(directory, "documents.jsonl") + ": not found", error.Message);
    }

    private static async Task<string> SavedIndexAsync(TempFolder folder)
    {
        var directory = folder.File("index");
        await (await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator())).SaveAsync(directory);
        return directory;
    }

    private sealed class SyncProgress(List<IndexProgress> reports) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => reports.Add(value);
    }
}

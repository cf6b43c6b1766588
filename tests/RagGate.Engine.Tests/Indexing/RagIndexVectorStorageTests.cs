using System.Numerics.Tensors;
using RagGate.Engine.Indexing;
using RagGate.Engine.Retrieval;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Indexing;

/// <summary>int8 vector storage (<see cref="VectorStorage"/>): what is built, saved, loaded and searched.</summary>
public sealed class RagIndexVectorStorageTests
{
    [Fact]
    public async Task BuildAsync_Int8Rescore_KeepsFp32AndCodesThatDecodeCloseToIt()
    {
        var fp32 = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator());
        var int8 = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), vectors: VectorStorage.Int8Rescore);

        Assert.Equal(VectorStorage.Int8Rescore, int8.Manifest.Vectors);
        Assert.Equal(fp32.Vectors!.Data.ToArray(), int8.Vectors!.Data.ToArray());
        var codes = int8.Int8Vectors!;
        Assert.True(codes.Rescores);
        Assert.Equal(fp32.Vectors.Count, codes.Count);
        var dimensions = codes.Dimensions;
        for (var i = 0; i < codes.Codes.Length; i++)
        {
            // Rounding to the nearest code: at most half a step of that dimension's scale off.
            var scale = codes.Scales[i % dimensions];
            Assert.InRange(fp32.Vectors.Data[i] - (codes.Codes[i] * scale), -0.5001f * scale, 0.5001f * scale);
        }

        Assert.Contains(IndexFiles.Int8Vectors, int8.Manifest.Files.Keys);
        Assert.NotEqual(fp32.ContentHash, int8.ContentHash);
    }

    [Fact]
    public async Task BuildAsync_Int8Only_DropsTheFp32Vectors()
    {
        var index = await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), vectors: VectorStorage.Int8);

        Assert.Null(index.Vectors);
        Assert.False(index.Int8Vectors!.Rescores);
        Assert.Equal(["bm25.bin", "chunks.jsonl", "documents.jsonl", "vectors.i8"], index.Manifest.Files.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(VectorStorage.Int8Rescore, new[] { "bm25.bin", "chunks.jsonl", "documents.jsonl", "manifest.json", "vectors.bin", "vectors.i8" })]
    [InlineData(VectorStorage.Int8, new[] { "bm25.bin", "chunks.jsonl", "documents.jsonl", "manifest.json", "vectors.i8" })]
    public async Task SaveLoad_Int8Storage_RoundTripsCodesAndSearchResults(VectorStorage storage, string[] files)
    {
        using var folder = new TempFolder();
        var generator = new HashingTestEmbeddingGenerator();
        var built = await TestIndexes.BuildAsync(generator, vectors: storage);
        var directory = folder.File("index");

        await built.SaveAsync(directory);
        var loaded = await RagIndex.LoadAsync(directory, HashingTestEmbeddingGenerator.ModelId);

        Assert.Equal(files, Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(storage, loaded.Manifest.Vectors);
        Assert.Equal(built.ContentHash, loaded.ContentHash);
        Assert.Equal(built.Int8Vectors!.Codes.ToArray(), loaded.Int8Vectors!.Codes.ToArray());
        Assert.Equal(built.Int8Vectors.Scales.ToArray(), loaded.Int8Vectors.Scales.ToArray());
        Assert.Equal(built.Int8Vectors.Rescores, loaded.Int8Vectors.Rescores);
        foreach (var mode in new[] { RetrievalMode.Dense, RetrievalMode.Hybrid })
        {
            foreach (var query in new[] { "reset my password", "refund to card", "shipping tracking email" })
            {
                var before = await new Retriever(built, generator, new RetrievalOptions { Mode = mode }).SearchAsync(query, 3);
                var after = await new Retriever(loaded, generator, new RetrievalOptions { Mode = mode }).SearchAsync(query, 3);
                Assert.Equal(before, after);
            }
        }
    }

    [Fact]
    public async Task SearchVectors_Int8Rescore_ReturnsFp32ScoresOfTheSameRows()
    {
        var generator = new HashingTestEmbeddingGenerator();
        var fp32 = await TestIndexes.BuildAsync(generator);
        var int8 = await TestIndexes.BuildAsync(generator, vectors: VectorStorage.Int8Rescore);
        var query = generator.Embed("reset the password with the emailed link");

        // The test corpus is far smaller than the candidate pool, so rescoring sees every row: the
        // hits must be fp32's exactly; a search that kept the int8 estimates would fail here.
        Assert.Equal(fp32.SearchVectors(query, 5), int8.SearchVectors(query, 5));
    }

    [Fact]
    public async Task SearchVectors_Int8Only_ScoresEstimateTheFp32DotProduct()
    {
        var generator = new HashingTestEmbeddingGenerator();
        var fp32 = await TestIndexes.BuildAsync(generator);
        var int8 = await TestIndexes.BuildAsync(generator, vectors: VectorStorage.Int8);
        var query = generator.Embed("reset the password with the emailed link");

        var hits = int8.SearchVectors(query, 5);

        Assert.Equal(5, hits.Length);
        Assert.All(hits, h => Assert.Equal(TensorPrimitives.Dot(fp32.Vectors!.Row(h.Row), query), h.Score, 0.02));
        Assert.Contains(hits, h => h.Score != TensorPrimitives.Dot(fp32.Vectors!.Row(h.Row), query));
    }

    [Fact]
    public async Task Load_CorruptedInt8Code_ThrowsChecksumMismatch()
    {
        using var folder = new TempFolder();
        var directory = folder.File("index");
        await (await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), vectors: VectorStorage.Int8)).SaveAsync(directory);
        var path = Path.Combine(directory, "vectors.i8");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.Equal($"{path}: checksum mismatch; the index is corrupted, rebuild it with raggate index", error.Message);
    }

    [Fact]
    public async Task Load_TruncatedInt8Vectors_ThrowsTruncated()
    {
        using var folder = new TempFolder();
        var directory = folder.File("index");
        await (await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator(), vectors: VectorStorage.Int8Rescore)).SaveAsync(directory);
        var path = Path.Combine(directory, "vectors.i8");
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..^10]);

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.Equal($"{path}: truncated: expected {bytes.Length} bytes, found {bytes.Length - 10}; the index is corrupted, rebuild it with raggate index",
            error.Message);
    }

    [Fact]
    public async Task Load_ManifestClaimsInt8ButFolderIsFp32_ThrowsNotFound()
    {
        using var folder = new TempFolder();
        var directory = folder.File("index");
        await (await TestIndexes.BuildAsync(new HashingTestEmbeddingGenerator())).SaveAsync(directory);
        var path = Path.Combine(directory, "manifest.json");
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("\"vectors\": \"Fp32\"", text);
        await File.WriteAllTextAsync(path, text.Replace("\"vectors\": \"Fp32\"", "\"vectors\": \"Int8Rescore\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<InputException>(() => RagIndex.LoadAsync(directory));

        Assert.StartsWith(Path.Combine(directory, "vectors.i8") + ": not found", error.Message);
    }
}

using RagGate.Engine.Caching;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Tests.Embeddings;

namespace RagGate.Engine.Tests.Caching;

/// <summary>The generator with a cache folder: hits skip inference, damaged entries are recomputed.</summary>
[Collection(ModelCollection.Name)]
public sealed class CachedEmbeddingGeneratorTests(CachedEmbeddingGeneratorTests.Fixture fixture, GeneratorFixture models)
    : IClassFixture<CachedEmbeddingGeneratorTests.Fixture>
{
    [Fact]
    public async Task EmbedAsync_SecondCall_RunsNoInference()
    {
        var texts = UniqueTexts(5);
        var statistics = fixture.First.Statistics;
        var first = await fixture.First.EmbedAsync(texts, isQuery: false);
        var inferences = statistics.Inferences;
        var hits = statistics.CacheHits;

        var second = await fixture.First.EmbedAsync(texts, isQuery: false);

        Assert.Equal(inferences, statistics.Inferences);
        Assert.Equal(hits + 5, statistics.CacheHits);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(first[i], second[i]));
    }

    [Fact]
    public async Task EmbedAsync_PartlyCached_EmbedsOnlyTheMisses()
    {
        var texts = UniqueTexts(6);
        await fixture.First.EmbedAsync(texts[..2], isQuery: false);
        var (inferences, misses) = (fixture.First.Statistics.Inferences, fixture.First.Statistics.CacheMisses);

        var vectors = await fixture.First.EmbedAsync(texts, isQuery: false);

        Assert.Equal(inferences + 4, fixture.First.Statistics.Inferences);
        Assert.Equal(misses + 4, fixture.First.Statistics.CacheMisses);
        var uncached = await models.MiniLm.EmbedAsync(texts, isQuery: false);
        Assert.All(Enumerable.Range(0, 6), i => VectorAssert.Close(uncached[i], vectors[i], 1e-5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EmbedAsync_DamagedEntry_IsRecomputedToTheSameVector(bool truncate)
    {
        var text = UniqueTexts(1);
        var expected = await fixture.First.EmbedAsync(text, isQuery: false);
        var path = new EmbeddingCache(fixture.Folder.Path).PathOf(EmbeddingCache.ComputeKey("minilm-l6-v2", fixture.First.ModelHash, text[0]));
        var bytes = File.ReadAllBytes(path);
        if (truncate)
        {
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }
        else
        {
            bytes[200] ^= 0xFF;
            bytes[201] ^= 0xFF;
            File.WriteAllBytes(path, bytes);
        }

        var (inferences, corruptions) = (fixture.First.Statistics.Inferences, fixture.First.Statistics.CacheCorruptions);

        var actual = await fixture.First.EmbedAsync(text, isQuery: false);

        Assert.Equal(inferences + 1, fixture.First.Statistics.Inferences);
        Assert.Equal(corruptions + 1, fixture.First.Statistics.CacheCorruptions);
        VectorAssert.Close(expected[0], actual[0], 1e-6);
        Assert.Equal(bytes.Length, new FileInfo(path).Length);
    }

    [Fact]
    public async Task EmbedAsync_TwoGeneratorsSharingTheFolderConcurrently_AgreeAndFillIt()
    {
        var texts = UniqueTexts(12);

        var results = await Task.WhenAll(
            fixture.First.EmbedAsync(texts, isQuery: false),
            fixture.Second.EmbedAsync(texts.AsEnumerable().Reverse().ToList(), isQuery: false));

        Assert.All(Enumerable.Range(0, 12), i => VectorAssert.Close(results[0][i], results[1][11 - i], 1e-5));
        var inferences = fixture.Second.Statistics.Inferences;
        await fixture.Second.EmbedAsync(texts, isQuery: false);
        Assert.Equal(inferences, fixture.Second.Statistics.Inferences);
        Assert.Empty(Directory.GetFiles(fixture.Folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task EmbedAsync_QueryAndDocumentOfArctic_AreCachedApart()
    {
        var text = UniqueTexts(1);
        var document = await fixture.Arctic.EmbedAsync(text, isQuery: false);

        var query = await fixture.Arctic.EmbedAsync(text, isQuery: true);

        Assert.True(VectorAssert.Cosine(document[0], query[0]) < 0.99);
    }

    [Fact]
    public async Task EmbedAsync_SameQueryTwice_RunsTheModelBothTimes()
    {
        var text = UniqueTexts(1);
        await fixture.First.EmbedAsync(text, isQuery: true);
        var inferences = fixture.First.Statistics.Inferences;

        await fixture.First.EmbedAsync(text, isQuery: true);

        Assert.Equal(inferences + 1, fixture.First.Statistics.Inferences);
    }

    private static List<string> UniqueTexts(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return Enumerable.Range(0, count).Select(i => $"Cached passage {i} about topic {run}: {VectorAssert.Words(5 + (i * 13))}").ToList();
    }

    /// <summary>Two MiniLM generators and one arctic generator sharing one cache folder.</summary>
    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            var options = new EmbeddingOptions { Threads = 2, CacheDirectory = Folder.Path };
            First = OnnxEmbeddingGenerator.Create(options);
            Second = OnnxEmbeddingGenerator.Create(options);
            Arctic = OnnxEmbeddingGenerator.Create(options with { Model = "arctic-embed-xs" });
        }

        internal TempFolder Folder { get; } = new();

        public OnnxEmbeddingGenerator First { get; }

        public OnnxEmbeddingGenerator Second { get; }

        public OnnxEmbeddingGenerator Arctic { get; }

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
            Arctic.Dispose();
            Folder.Dispose();
        }
    }
}

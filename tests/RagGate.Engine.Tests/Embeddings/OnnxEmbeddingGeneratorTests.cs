using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

[Collection(ModelCollection.Name)]
public sealed class OnnxEmbeddingGeneratorTests(GeneratorFixture fixture)
{
    private const string Weather = "The weather is lovely today.";
    private const string Sunny = "It's so sunny outside!";
    private const string Stadium = "He drove to the stadium.";

    [Theory]
    [InlineData(Weather, Sunny, 0.6660)]
    [InlineData(Weather, Stadium, 0.1046)]
    [InlineData(Sunny, Stadium, 0.1411)]
    public async Task EmbedAsync_MiniLmPublishedPairs_MatchPublishedCosine(string first, string second, double expected)
    {
        var vectors = await fixture.MiniLm.EmbedAsync([first, second], isQuery: false);

        Assert.Equal(expected, VectorAssert.Cosine(vectors[0], vectors[1]), 1e-3);
    }

    [Theory]
    [InlineData("minilm-l6-v2")]
    [InlineData("arctic-embed-xs")]
    public async Task EmbedAsync_AnyModel_Returns384dUnitVectors(string model)
    {
        var generator = model == "arctic-embed-xs" ? fixture.Arctic : fixture.MiniLm;

        var vectors = await generator.EmbedAsync([Weather, "", Stadium], isQuery: false);

        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.Equal(1.0, TensorPrimitives.Norm<float>(v), 1e-5));
    }

    [Fact]
    public async Task EmbedAsync_MiniLmQuery_EqualsDocument()
    {
        var query = await fixture.MiniLm.EmbedAsync([Weather], isQuery: true);
        var document = await fixture.MiniLm.EmbedAsync([Weather], isQuery: false);

        VectorAssert.Close(document[0], query[0], 1e-6);
    }

    [Fact]
    public async Task EmbedAsync_SingleQuery_RunsOnASessionThatDoesNotSpin()
    {
        using var generator = OnnxEmbeddingGenerator.Create(new EmbeddingOptions { Threads = 2 });

        await generator.EmbedAsync([Weather], isQuery: true);

        // A warm eval: every document came from the cache, so the corpus session is never loaded.
        Assert.False(generator.QueriesSpin);
        Assert.Null(generator.BatchesSpin);
        await generator.EmbedAsync([Weather, Sunny], isQuery: false);
        Assert.True(generator.BatchesSpin);
    }

    [Fact]
    public async Task EmbedAsync_SpinningOff_QueriesAndBatchesShareOneSession()
    {
        using var generator = OnnxEmbeddingGenerator.Create(new EmbeddingOptions { Threads = 2, SpinBetweenRuns = false });

        await generator.EmbedAsync([Weather], isQuery: true);

        // A server: the query loaded the one session that batches run on too.
        Assert.False(generator.QueriesSpin);
        Assert.False(generator.BatchesSpin);
    }

    [Fact]
    public async Task EmbedAsync_ArcticQuery_IsTheDocumentEmbeddingOfPrefixPlusText()
    {
        var query = await fixture.Arctic.EmbedAsync([Weather], isQuery: true);
        var document = await fixture.Arctic.EmbedAsync([Weather], isQuery: false);
        var prefixed = await fixture.Arctic.EmbedAsync([fixture.Arctic.Model.QueryPrefix + Weather], isQuery: false);

        Assert.True(VectorAssert.Cosine(query[0], document[0]) < 0.99);
        VectorAssert.Close(prefixed[0], query[0], 1e-5);
    }

    [Theory]
    [InlineData("minilm-l6-v2", 256)]
    [InlineData("arctic-embed-xs", 512)]
    public async Task EmbedAsync_TextFarBeyondMaxTokens_EqualsItsTruncatedPrefix(string model, int maxTokens)
    {
        var generator = model == "arctic-embed-xs" ? fixture.Arctic : fixture.MiniLm;
        var prefix = VectorAssert.Words(maxTokens - 2);
        var longer = VectorAssert.Words(maxTokens * 4);
        Assert.StartsWith(prefix, longer, StringComparison.Ordinal);

        var vectors = await generator.EmbedAsync([longer, prefix, VectorAssert.Words(maxTokens - 3)], isQuery: false);

        VectorAssert.Close(vectors[1], vectors[0], 1e-5);
        Assert.True(VectorAssert.Cosine(vectors[1], vectors[2]) < 0.999999, "one word piece less must change the vector");
    }

    [Fact]
    public async Task EmbedAsync_OneHugeWord_DoesNotCrash()
    {
        var vectors = await fixture.MiniLm.EmbedAsync([new string('x', 20_000), "short " + new string('é', 300)], isQuery: false);

        Assert.All(vectors, v => Assert.Equal(1.0, TensorPrimitives.Norm<float>(v), 1e-5));
    }

    [Fact]
    public async Task EmbedAsync_BucketedBatch_EqualsOneAtATimeInAnyOrder()
    {
        var texts = Enumerable.Range(0, 24).Select(i => VectorAssert.Words(3 + (i * 37 % 300)) + $" item {i}").ToList();
        var single = new List<float[]>();
        foreach (var text in texts)
        {
            single.Add((await fixture.MiniLm.EmbedAsync([text], isQuery: false))[0]);
        }

        var batched = await fixture.MiniLm.EmbedAsync(texts, isQuery: false);
        var reversed = await fixture.MiniLm.EmbedAsync(texts.AsEnumerable().Reverse().ToList(), isQuery: false);

        for (var i = 0; i < texts.Count; i++)
        {
            VectorAssert.Close(single[i], batched[i], 1e-5);
            VectorAssert.Close(single[i], reversed[texts.Count - 1 - i], 1e-5);
        }
    }

    [Fact]
    public async Task EmbedAsync_ConcurrentCalls_MatchSequentialResults()
    {
        var texts = new[] { Weather, Sunny, Stadium, "naïve café", VectorAssert.Words(80) };
        var expected = await fixture.MiniLm.EmbedAsync(texts, isQuery: false);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.MiniLm.EmbedAsync(texts, isQuery: false)));

        Assert.All(results, r => Assert.All(Enumerable.Range(0, texts.Length), i => VectorAssert.Close(expected[i], r[i], 1e-5)));
    }

    [Fact]
    public async Task EmbedAsync_ConcurrentSingleQueries_MatchOneAtATime()
    {
        var queries = Enumerable.Range(0, 12).Select(i => $"how do I change setting number {i} " + VectorAssert.Words(i * 3)).ToArray();
        var single = new List<float[]>();
        foreach (var query in queries)
        {
            single.Add((await fixture.MiniLm.EmbedAsync([query], isQuery: true))[0]);
        }

        var concurrent = await Task.WhenAll(queries.Select(q => Task.Run(() => fixture.MiniLm.EmbedAsync([q], isQuery: true))));

        // Concurrent queries may share a padded run; the mask keeps padding out of every vector.
        Assert.All(Enumerable.Range(0, queries.Length), i => VectorAssert.Close(single[i], concurrent[i][0], 1e-5));
    }

    [Fact]
    public void ModelHash_ReadThroughTheAssemblyFile_EqualsTheHashOfTheMappedResource()
    {
        var model = fixture.MiniLm.Model;
        var assembly = System.Reflection.Assembly.Load(new System.Reflection.AssemblyName(model.ResourceAssembly));
        using var mapped = assembly.GetManifestResourceStream(model.ModelResourceName)!;

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(mapped)), fixture.MiniLm.ModelHash);
        Assert.Equal(mapped.Length, EmbeddingModelResources.LoadModel(model).Length);
    }

    [Fact]
    public async Task EmbedAsync_CancelledDuringAModelRun_ThrowsOperationCanceled()
    {
        // One batch of 32 full-length texts: a single run of about a second, so the cancellation
        // lands inside ONNX Runtime (RunOptions.Terminate), not between batches.
        var texts = Enumerable.Range(0, 32).Select(i => VectorAssert.Words(400) + $" text {i}").ToList();
        await fixture.MiniLm.EmbedAsync(["load the model first"], isQuery: false);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Record.ExceptionAsync(() => fixture.MiniLm.EmbedAsync(texts, isQuery: false, null, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task EmbedAsync_WithProgress_ReportsEveryTextCompleted()
    {
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports);

        await fixture.MiniLm.EmbedAsync(Enumerable.Range(0, 70).Select(i => $"text {i}").ToList(), false, progress);

        Assert.Equal(70, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public async Task EmbedAsync_Statistics_CountInferencesAndTokens()
    {
        var generator = fixture.Arctic;
        var before = (generator.Statistics.Inferences, generator.Statistics.TokensEmbedded);

        await generator.EmbedAsync(["hello world", "red cat sat"], isQuery: false);

        Assert.Equal(before.Inferences + 2, generator.Statistics.Inferences);
        Assert.Equal(before.TokensEmbedded + 4 + 5, generator.Statistics.TokensEmbedded);
    }

    [Fact]
    public async Task GenerateAsync_QueryOptions_UseTheQueryPrefix()
    {
        var generated = await fixture.Arctic.GenerateAsync([Weather], EmbeddingInput.Query);
        var query = await fixture.Arctic.EmbedAsync([Weather], isQuery: true);
        var document = await fixture.Arctic.GenerateAsync([Weather]);

        VectorAssert.Close(query[0], generated[0].Vector.ToArray(), 1e-6);
        Assert.True(VectorAssert.Cosine(query[0], document[0].Vector.ToArray()) < 0.99);
        Assert.Equal("arctic-embed-xs", generated[0].ModelId);
    }

    [Fact]
    public void GetService_Metadata_NamesProviderModelAndDimensions()
    {
        var metadata = fixture.MiniLm.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(("raggate-onnx", "minilm-l6-v2", 384), (metadata.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
        Assert.Matches("^[0-9a-f]{64}$", fixture.MiniLm.ModelHash);
        Assert.NotEqual(fixture.MiniLm.ModelHash, fixture.Arctic.ModelHash);
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}

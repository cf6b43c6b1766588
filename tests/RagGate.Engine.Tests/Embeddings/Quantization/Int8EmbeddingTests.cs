using System.Numerics.Tensors;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Embeddings.Quantization;

namespace RagGate.Engine.Tests.Embeddings.Quantization;

/// <summary>The int8 models against the fp32 ones they are built from.</summary>
[Collection(ModelCollection.Name)]
public sealed class Int8EmbeddingTests(GeneratorFixture fp32, Int8Fixture int8) : IClassFixture<Int8Fixture>
{
    private static readonly string[] Texts =
    [
        "Aspirin lowers the risk of a second heart attack in adults with coronary disease.",
        "Which vitamin deficiency causes scurvy?",
        "The treaty was signed in 1648 and ended thirty years of war in central Europe, redrawing borders across the continent.",
        "Reset your password from the sign-in page; the link in the email expires after one hour.",
    ];

    [Theory]
    [InlineData("minilm-l6-v2")]
    [InlineData("arctic-embed-xs")]
    public async Task EmbedAsync_Int8_StaysAboveTheCosineFloorOfFp32(string model)
    {
        var reference = model == "arctic-embed-xs" ? fp32.Arctic : fp32.MiniLm;
        var expected = await reference.EmbedAsync(Texts, isQuery: false);
        var actual = await int8.Get(model).EmbedAsync(Texts, isQuery: false);

        var cosines = expected.Zip(actual, (e, a) => TensorPrimitives.CosineSimilarity(e, a)).ToArray();
        Assert.All(cosines, c => Assert.InRange(c, Int8ModelStore.CosineFloor, 1.0001f));
        // int8 is not fp32: the vectors must differ, or the quantized model was not the one run.
        Assert.All(cosines, c => Assert.True(c < 0.99999f, $"cosine {c}: the int8 vector equals fp32's"));
        Assert.Equal(EmbeddingPrecision.Int8, int8.Get(model).Precision);
    }

    [Fact]
    public void Build_MiniLm_QuantizesEveryWeightMatMulAndFusesEveryBlock()
    {
        var model = EmbeddingModelCatalog.MiniLmL6V2;

        var (_, summary) = Int8ModelBuilder.Build(EmbeddingModelResources.LoadModel(model), model.OutputName);

        // 6 layers: Q|K|V packed into one MatMul, the attention output and two feed-forward MatMuls
        // each; one attention per layer, whose three projections are packed.
        Assert.Equal(new Int8GraphRewriter.Summary(24, 6, 6), summary);
    }

    [Fact]
    public void Build_FusionsWithoutQuantization_GiveTheFp32Vectors()
    {
        var model = EmbeddingModelCatalog.MiniLmL6V2;
        var bytes = EmbeddingModelResources.LoadModel(model);

        var (fused, summary) = Int8ModelBuilder.Build(bytes, model.OutputName, quantize: false);

        Assert.Equal(new Int8GraphRewriter.Summary(0, 6, 6), summary);
        var cosines = Int8ModelCheck.Cosines(model, fp32.MiniLm.Tokenizer, bytes, fused, threads: 2);
        Assert.All(cosines, c => Assert.InRange(c, 0.99999f, 1.0001f));
    }

    [Fact]
    public void Build_FusionsWithoutQuantization_GiveTheFp32VectorsOnAnUnpaddedBatch()
    {
        // Rows cut at the model's limit have one length: the batch has no padding, so the fused
        // attention runs without its key padding mask (the If's other branch); it must agree too.
        var model = EmbeddingModelCatalog.MiniLmL6V2;
        var bytes = EmbeddingModelResources.LoadModel(model);
        var (fused, _) = Int8ModelBuilder.Build(bytes, model.OutputName, quantize: false);
        var rows = Texts.Select(t => fp32.MiniLm.Tokenizer.Encode(string.Join(' ', Enumerable.Repeat(t, 100)), model.MaxTokens)).ToArray();
        Assert.All(rows, r => Assert.Equal(model.MaxTokens, r.Length));

        using var reference = new OnnxEmbeddingRunner(model, bytes, threads: 2);
        using var candidate = new OnnxEmbeddingRunner(model, fused, threads: 2);
        var expected = reference.Run(rows, CancellationToken.None).Vectors;
        var actual = candidate.Run(rows, CancellationToken.None).Vectors;

        var cosines = expected.Zip(actual, (e, a) => TensorPrimitives.CosineSimilarity(e, a)).ToArray();
        Assert.All(cosines, c => Assert.InRange(c, 0.99999f, 1.0001f));
    }

    [Fact]
    public async Task EmbedAsync_Int8AndFp32OverOneCache_KeepSeparateEntries()
    {
        await int8.MiniLm.EmbedAsync(Texts, isQuery: false);
        using var fp32Cached = OnnxEmbeddingGenerator.Create(new EmbeddingOptions { Threads = 2, CacheDirectory = int8.CacheFolder });
        using var int8Again = OnnxEmbeddingGenerator.Create(new EmbeddingOptions { Threads = 2, CacheDirectory = int8.CacheFolder, Precision = EmbeddingPrecision.Int8 });

        await int8Again.EmbedAsync(Texts, isQuery: false);
        var fromFp32 = await fp32Cached.EmbedAsync(Texts.Take(1).ToList(), isQuery: false);

        Assert.Equal(Texts.Length, int8Again.Statistics.CacheHits);
        Assert.Equal(0, fp32Cached.Statistics.CacheHits);
        Assert.Equal(1.0, TensorPrimitives.CosineSimilarity((await fp32.MiniLm.EmbedAsync(Texts.Take(1).ToList(), isQuery: false))[0], fromFp32[0]), 1e-6);
        Assert.NotEqual(fp32Cached.CacheIdentity, int8Again.CacheIdentity);
    }

    [Fact]
    public async Task GetOrBuild_DamagedCachedModel_IsRebuiltAndChecked()
    {
        using var folder = new TempFolder();
        var options = new EmbeddingOptions { Threads = 2, CacheDirectory = folder.Path, Precision = EmbeddingPrecision.Int8 };
        using (var first = OnnxEmbeddingGenerator.Create(options))
        {
            await first.EmbedAsync(["first use builds the model"], isQuery: false);
        }

        var path = Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "models"), "*.onnx"));
        var good = await File.ReadAllBytesAsync(path);
        var damaged = good.ToArray();
        damaged[damaged.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, damaged);

        using var second = OnnxEmbeddingGenerator.Create(options);
        var vector = (await second.EmbedAsync(["the damaged copy is not trusted"], isQuery: false))[0];

        Assert.Equal(good, await File.ReadAllBytesAsync(path));
        Assert.Equal(1.0, TensorPrimitives.Norm(vector), 1e-4);
    }
}

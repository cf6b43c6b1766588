using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;
using RagGate.Engine.Retrieval;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Pipeline;

/// <summary>A BM25-only config assembles an engine that never loads the embedding model.</summary>
[Collection(ModelCollection.Name)]
public sealed class RagEngineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public RagEngineTests()
    {
        // Written as support FAQs are, so the question's own words ("how do I", "my") are common in the corpus.
        _folder.Write("docs/passwords.md", "# How do I reset my password?\n\nOpen the sign-in page and choose Forgot password. We email you a reset link that expires after one hour.\n");
        _folder.Write("docs/refunds.md", "# How do I get my money back?\n\nAnnual plans can be refunded within 30 days of the charge. Monthly plans are not refunded.\n");
        _folder.Write("docs/shipping.md", "# When do I get my order?\n\nOrders ship from our warehouse in two days. Tracking numbers arrive by email.\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OpenAsync_Bm25Config_LoadsNoEmbeddingModelAndStillAnswers()
    {
        using var engine = await RagEngine.OpenAsync(Config("bm25"), corpus: null, progress: null);

        Assert.Null(engine.Embedder);
        Assert.Equal(0, engine.Index.Manifest.Dimensions);
        Assert.Null(engine.Index.Manifest.ModelHash);
        Assert.Equal("none", engine.Target.Identity.EmbeddingModel);
        var answer = await engine.Target.AnswerAsync("How do I reset my password?");
        Assert.False(answer.Refused);
        Assert.Contains("[passwords]", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("Forgot password", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Bm25ConfigTwice_ReusesTheSavedIndexWithoutTheModel()
    {
        string hash;
        using (var first = await RagEngine.OpenAsync(Config("bm25"), corpus: null, progress: null))
            hash = first.Index.ContentHash;

        using var second = await RagEngine.OpenAsync(Config("bm25"), corpus: null, progress: null);

        Assert.Null(second.Embedder);
        Assert.Equal(hash, second.Index.ContentHash);
        Assert.Equal(3, second.Index.Manifest.DocumentCount);
    }

    [Fact]
    public async Task OpenAsync_DenseConfigOverABm25OnlyIndex_ExitsWithAnInputErrorNamingTheVectors()
    {
        using (await RagEngine.OpenAsync(Config("bm25"), corpus: null, progress: null))
        {
        }

        // No corpus: the dense engine must use the saved index as it is, and it has no vectors.
        var dense = Config("dense").WithEngine(e => e with { Corpus = null });

        var error = await Assert.ThrowsAsync<InputException>(() => RagEngine.OpenAsync(dense, corpus: null, progress: null));

        Assert.Contains("holds no vectors", error.Message, StringComparison.Ordinal);
    }

    private RagGateConfig Config(string mode) => TestConfigs.For(_folder.File("raggate.yaml"), new EngineConfig
    {
        Corpus = _folder.File("docs"),
        Index = _folder.File("index"),
        Retrieval = new RetrievalOptions { Mode = EnginePolicies.RetrievalModes.Get(mode) },
    }, answer: true);
}

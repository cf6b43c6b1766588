using RagGate.Engine.Chunking;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Ingestion;

namespace RagGate.Engine.Tests.Chunking;

/// <summary>
/// Every chunk, as the model reads it (title, a space, the chunk, [CLS] and [SEP]), fits the
/// model's maximum, on the sample knowledge base and on the SciFact subset, with real vocabularies.
/// </summary>
public sealed class ChunkerModelFitTests
{
    public static TheoryData<string, string, int, int> Corpora => new()
    {
        // The sample's own config (raggate.yaml: 256/32) and its tiny-chunks variant.
        { "samples/support-kb/docs", EmbeddingModelCatalog.DefaultModelId, 256, 32 },
        { "samples/support-kb/docs", EmbeddingModelCatalog.DefaultModelId, 64, 8 },
        { "samples/support-kb/docs", "arctic-embed-xs", 512, 32 },
        // SciFact evaluates whole documents for parity; a chunked SciFact config must still fit.
        { "tests/RagGate.Cli.Tests/Fixtures/scifact-subset/corpus.jsonl", EmbeddingModelCatalog.DefaultModelId, 256, 32 },
        { "tests/RagGate.Cli.Tests/Fixtures/scifact-subset/corpus.jsonl", "arctic-embed-xs", 512, 64 },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task Split_TokenMode_NoChunkExceedsTheModelMaximum(string corpus, string modelId, int maxTokens, int overlap)
    {
        var model = EmbeddingModelCatalog.Get(modelId);
        var tokenizer = new WordPieceTokenizer(EmbeddingModelResources.LoadVocabulary(model), model.LowercaseInput);
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = maxTokens, OverlapTokens = overlap }, tokenizer.CountTokens, model.MaxTokens);
        var documents = (await CorpusReader.ReadAsync(Repo(corpus))).Documents;

        var over = documents
            .SelectMany(d => chunker.Split(d).Select(c => (c.DocumentId, Pieces: tokenizer.EncodeAll(c.EmbeddingText(d.Title)).Length)))
            .Where(c => c.Pieces > model.MaxTokens)
            .ToList();

        Assert.NotEmpty(documents);
        Assert.True(over.Count == 0,
            $"{over.Count} chunks exceed {model.MaxTokens} word pieces, e.g. {string.Join(", ", over.Take(3).Select(c => $"{c.DocumentId} ({c.Pieces})"))}");
    }

    [Fact]
    public async Task Split_WholeMode_KeepsEachDocumentWholeAsTheSciFactConfigsPromise()
    {
        // samples/scifact/*.yaml use whole documents, as BEIR and MTEB score them: the embedder
        // truncates a long abstract at the model's maximum by design, and the published figures need it.
        var model = EmbeddingModelCatalog.MiniLmL6V2;
        var tokenizer = new WordPieceTokenizer(EmbeddingModelResources.LoadVocabulary(model), model.LowercaseInput);
        var chunker = new Chunker(new ChunkingOptions { Mode = ChunkingMode.Whole }, tokenizer.CountTokens, model.MaxTokens);
        var documents = (await CorpusReader.ReadAsync(Repo("tests/RagGate.Cli.Tests/Fixtures/scifact-subset/corpus.jsonl"))).Documents;

        Assert.All(documents, d => Assert.Equal(d.Text, Assert.Single(chunker.Split(d)).Text));
    }

    [Fact]
    public void TextBudget_LongTitle_LeavesRoomForTitleAndSpecialTokens()
    {
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 256, OverlapTokens = 32 }, TestTokenCounter.Count, 256);
        var document = new Document("d", "Reset a forgotten password", "Some text.");

        Assert.Equal(256 - 2 - 4, chunker.TextBudget(document));
        Assert.Equal(256 - 2, chunker.TextBudget(document with { Title = null }));
    }

    private static string Repo(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RagGate.slnx")))
                return Path.Combine(dir.FullName, relative);
        }

        throw new DirectoryNotFoundException($"RagGate.slnx not found above {AppContext.BaseDirectory}");
    }
}

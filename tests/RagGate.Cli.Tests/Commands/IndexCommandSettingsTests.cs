using RagGate.Cli.Commands;
using RagGate.Engine.Chunking;
using RagGate.Evaluation;

namespace RagGate.Cli.Tests.Commands;

public sealed class IndexCommandSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Validate_UnknownChunking_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<InputException>(() => new IndexCommandSettings { Out = "index", Chunking = "sentences" }.Validate());

        Assert.Equal("--chunking: 'sentences' is not a registered chunking mode; expected one of: tokens, whole", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tokens")]
    [InlineData("whole")]
    public void Validate_KnownChunking_Passes(string? chunking) =>
        new IndexCommandSettings { Out = "index", Chunking = chunking }.Validate();

    [Fact]
    public void Resolve_OverridesOnTopOfTheConfig_ReplaceOnlyWhatIsGiven()
    {
        var config = _folder.Write("raggate.yaml", "corpus: docs\ngolden: golden.json\nembedding:\n  model: arctic-embed-xs\n  threads: 2\nchunking:\n  max_tokens: 256\n  overlap: 32\n");

        var resolved = new IndexCommandSettings { Out = "index", Config = config, MaxTokens = 64, Cache = "cache" }.Resolve();

        var engine = resolved.Engine;
        Assert.Equal((64, 32, ChunkingMode.Tokens), (engine.Chunking.MaxTokens, engine.Chunking.OverlapTokens, engine.Chunking.Mode));
        Assert.Equal(("arctic-embed-xs", 2), (engine.Embedding.Model, engine.Embedding.Threads));
        Assert.Equal(Path.GetFullPath("cache"), engine.Embedding.CacheDirectory);
        Assert.Equal(Path.Combine(_folder.Path, "docs"), engine.Corpus);
    }

    [Fact]
    public void Resolve_NoCorpusAnywhere_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<InputException>(() => new IndexCommandSettings { Out = "index" }.Resolve());

        Assert.StartsWith("--corpus: missing;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OverlapNotBelowMaxTokens_ThrowsWithBothValues()
    {
        var error = Assert.Throws<InputException>(() => new IndexCommandSettings { Out = "index", Corpus = "docs", MaxTokens = 32, Overlap = 32 }.Resolve());

        Assert.StartsWith("--max-tokens/--overlap: 32/32 is out of range;", error.Message, StringComparison.Ordinal);
    }
}

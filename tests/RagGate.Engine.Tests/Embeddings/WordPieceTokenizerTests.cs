namespace RagGate.Engine.Tests.Embeddings;

[Collection(ModelCollection.Name)]
public sealed class WordPieceTokenizerTests(GeneratorFixture fixture)
{
    private const long UnknownId = 100;

    [Fact]
    public void EncodeAll_AccentedWords_StripsAccentsInsteadOfUnknown()
    {
        var accented = fixture.MiniLm.Tokenizer.EncodeAll("naïve café");

        Assert.DoesNotContain(UnknownId, accented);
        Assert.Equal(fixture.MiniLm.Tokenizer.EncodeAll("naive cafe"), accented);
    }

    [Fact]
    public void CountTokens_TwoWords_ExcludesClsAndSep() => Assert.Equal(2, fixture.MiniLm.CountTokens("hello world"));

    [Fact]
    public void CountTokens_LongText_IsNotTruncated() => Assert.Equal(1000, fixture.MiniLm.CountTokens(VectorAssert.Words(1000)));

    [Fact]
    public void Encode_AfterALongerLimit_StillTruncatesToTheShorterOne()
    {
        var tokenizer = fixture.MiniLm.Tokenizer;
        var text = VectorAssert.Words(600);
        var full = tokenizer.Encode(text, 512);

        var cut = tokenizer.Encode(text, 256);

        Assert.Equal(512, full.Length);
        Assert.Equal(256, cut.Length);
        Assert.Equal(full[..255], cut[..255]);
        Assert.Equal(full[^1], cut[^1]); // [SEP]
    }

    [Fact]
    public void EncodeAll_NewlinesAndTabs_AreWhitespace() =>
        Assert.Equal(fixture.MiniLm.Tokenizer.EncodeAll("red cat"), fixture.MiniLm.Tokenizer.EncodeAll("red\n\tcat"));

    [Fact]
    public async Task EncodeAll_ConcurrentCalls_GiveTheSameIds()
    {
        var texts = Enumerable.Range(1, 64).Select(VectorAssert.Words).ToArray();
        var expected = texts.Select(fixture.MiniLm.Tokenizer.EncodeAll).ToArray();

        var actual = await Task.WhenAll(texts.Select(t => Task.Run(() => fixture.MiniLm.Tokenizer.EncodeAll(t))));

        Assert.Equal(expected, actual);
    }
}

using RagGate.Engine.Indexing;

namespace RagGate.Engine.Tests.Indexing;

public sealed class Bm25PostingsCacheTests
{
    private static readonly string[] Texts = ["Refunds are paid back to the card.", "Reset your password from the sign-in page.", "Orders ship in two days."];

    [Fact]
    public void GetOrBuild_SameTextsAgain_ReadsTheStoredEntry()
    {
        using var folder = new TempFolder();
        var (first, bytes) = Bm25PostingsCache.GetOrBuild(Texts, folder.Path);
        var path = Assert.Single(Directory.GetFiles(folder.Path));
        // Plant the (valid) entry of three other texts under this key: a cache that is read returns it.
        string[] others = ["Tracking numbers arrive by email.", "Two-factor codes come from the app.", "Invoices are sent monthly."];
        using var other = new TempFolder();
        var (planted, _) = Bm25PostingsCache.GetOrBuild(others, other.Path);
        File.Copy(Assert.Single(Directory.GetFiles(other.Path)), path, overwrite: true);

        var (again, _) = Bm25PostingsCache.GetOrBuild(Texts, folder.Path);

        Assert.Equal(bytes, Bm25IndexFile.Write(first));
        Assert.NotEqual(first.TermCount, planted.TermCount);
        Assert.Equal(planted.TermCount, again.TermCount);
        Assert.Equal(planted.Search("invoices", 3), again.Search("invoices", 3));
    }

    [Fact]
    public void GetOrBuild_StoredEntry_GivesTheBytesOfAFreshBuild()
    {
        using var folder = new TempFolder();
        Bm25PostingsCache.GetOrBuild(Texts, folder.Path);

        var (cached, bytes) = Bm25PostingsCache.GetOrBuild(Texts, folder.Path);

        Assert.Equal(Bm25IndexFile.Write(Bm25Index.Build(Texts)), bytes);
        Assert.Equal(Bm25Index.Build(Texts).Search("password reset", 3), cached.Search("password reset", 3));
    }

    [Fact]
    public void Key_OneCharacterChangedOrTextsSplitDifferently_Differs()
    {
        var key = Bm25PostingsCache.Key(Texts);

        Assert.NotEqual(key, Bm25PostingsCache.Key([Texts[0], Texts[1], "Orders ship in three days."]));
        Assert.NotEqual(key, Bm25PostingsCache.Key([Texts[0] + " " + Texts[1], Texts[2]]));
        Assert.Equal(key, Bm25PostingsCache.Key([.. Texts]));
    }

    [Fact]
    public void GetOrBuild_DamagedEntry_RebuildsAndRewritesIt()
    {
        using var folder = new TempFolder();
        Bm25PostingsCache.GetOrBuild(Texts, folder.Path);
        var path = Assert.Single(Directory.GetFiles(folder.Path));
        var good = File.ReadAllBytes(path);
        var damaged = (byte[])good.Clone();
        damaged[40] ^= 0x04;
        File.WriteAllBytes(path, damaged);

        var (_, bytes) = Bm25PostingsCache.GetOrBuild(Texts, folder.Path);

        Assert.Equal(Bm25IndexFile.Write(Bm25Index.Build(Texts)), bytes);
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task BuildAsync_WithPostingsCache_SameContentHashBuiltOrRead()
    {
        using var folder = new TempFolder();
        var plain = await TestIndexes.BuildAsync(new Embeddings.HashingTestEmbeddingGenerator());
        var first = await TestIndexes.BuildAsync(new Embeddings.HashingTestEmbeddingGenerator(), bm25Cache: folder.Path);
        var second = await TestIndexes.BuildAsync(new Embeddings.HashingTestEmbeddingGenerator(), bm25Cache: folder.Path);

        Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Equal(plain.ContentHash, first.ContentHash);
        Assert.Equal(plain.ContentHash, second.ContentHash);
    }
}

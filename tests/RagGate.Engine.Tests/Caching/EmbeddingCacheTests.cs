using RagGate.Engine.Caching;

namespace RagGate.Engine.Tests.Caching;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly EmbeddingCache _cache;
    private readonly float[] _vector = Enumerable.Range(0, 384).Select(i => MathF.Sin(i)).ToArray();
    private readonly string _key = EmbeddingCache.ComputeKey("minilm-l6-v2", "abc123", "some text");

    public EmbeddingCacheTests() => _cache = new EmbeddingCache(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TryGet_AfterSet_ReturnsTheSameVectorFromAShardFolder()
    {
        _cache.Set(_key, _vector);

        Assert.True(_cache.TryGet(_key, 384, out var read));
        Assert.Equal(_vector, read);
        Assert.Equal(Path.Combine(_folder.Path, _key[..2], _key + ".emb"), _cache.PathOf(_key));
        Assert.True(File.Exists(_cache.PathOf(_key)));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void TryGet_Absent_IsAMiss()
    {
        Assert.False(_cache.TryGet(_key, 384, out _));
        Assert.Equal((0, 1, 0), (_cache.Hits, _cache.Misses, _cache.Corruptions));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(1_570)]
    public void TryGet_FlippedByte_IsCountedDeletedAndMissed(int offset)
    {
        _cache.Set(_key, _vector);
        var path = _cache.PathOf(_key);
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        Assert.False(_cache.TryGet(_key, 384, out _));
        Assert.Equal(1, _cache.Corruptions);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TryGet_TruncatedEntry_IsCountedDeletedAndMissed()
    {
        _cache.Set(_key, _vector);
        var path = _cache.PathOf(_key);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..700]);

        Assert.False(_cache.TryGet(_key, 384, out _));
        Assert.Equal(1, _cache.Corruptions);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TryGet_EntryOfAnotherKey_IsRejected()
    {
        var other = EmbeddingCache.ComputeKey("minilm-l6-v2", "abc123", "other text");
        _cache.Set(other, _vector);
        Directory.CreateDirectory(Path.GetDirectoryName(_cache.PathOf(_key))!);
        File.Copy(_cache.PathOf(other), _cache.PathOf(_key));

        Assert.False(_cache.TryGet(_key, 384, out _));
        Assert.Equal(1, _cache.Corruptions);
    }

    [Fact]
    public void TryGet_OtherDimensions_IsRejected()
    {
        _cache.Set(_key, _vector);

        Assert.False(_cache.TryGet(_key, 768, out _));
    }

    [Fact]
    public void ComputeKey_AnyPartChanged_ChangesTheKey()
    {
        string[] keys =
        [
            _key,
            EmbeddingCache.ComputeKey("arctic-embed-xs", "abc123", "some text"),
            EmbeddingCache.ComputeKey("minilm-l6-v2", "abc124", "some text"),
            EmbeddingCache.ComputeKey("minilm-l6-v2", "abc123", "some text "),
        ];

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k));
    }

    [Fact]
    public async Task Set_ManyConcurrentWritersOfOneKey_LeaveOneValidEntry()
    {
        var other = new EmbeddingCache(_folder.Path);

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => (i % 2 == 0 ? _cache : other).Set(_key, _vector))));

        Assert.True(new EmbeddingCache(_folder.Path).TryGet(_key, 384, out var read));
        Assert.Equal(_vector, read);
        Assert.Single(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }
}

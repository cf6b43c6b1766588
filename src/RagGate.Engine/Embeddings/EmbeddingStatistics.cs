namespace RagGate.Engine.Embeddings;

/// <summary>Running counters of an embedding generator; safe to read while it works.</summary>
public sealed class EmbeddingStatistics
{
    private long _inferences;
    private long _cacheHits;
    private long _cacheMisses;
    private long _cacheCorruptions;
    private long _tokensEmbedded;
    private long _inferenceTicks;

    /// <summary>Texts run through the model.</summary>
    public long Inferences => Interlocked.Read(ref _inferences);

    /// <summary>Texts whose vector came from the cache.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Texts looked up in the cache and not found (then embedded).</summary>
    public long CacheMisses => Interlocked.Read(ref _cacheMisses);

    /// <summary>Cache entries found damaged, deleted and recomputed.</summary>
    public long CacheCorruptions => Interlocked.Read(ref _cacheCorruptions);

    /// <summary>Word pieces fed to the model, [CLS] and [SEP] included, padding excluded.</summary>
    public long TokensEmbedded => Interlocked.Read(ref _tokensEmbedded);

    /// <summary>Wall time spent inside ONNX Runtime.</summary>
    public TimeSpan InferenceTime => TimeSpan.FromTicks(Interlocked.Read(ref _inferenceTicks));

    internal void AddInference(int texts, long tokens, TimeSpan elapsed)
    {
        Interlocked.Add(ref _inferences, texts);
        Interlocked.Add(ref _tokensEmbedded, tokens);
        Interlocked.Add(ref _inferenceTicks, elapsed.Ticks);
    }

    internal void AddCacheLookups(int hits, int misses, int corruptions)
    {
        Interlocked.Add(ref _cacheHits, hits);
        Interlocked.Add(ref _cacheMisses, misses);
        Interlocked.Add(ref _cacheCorruptions, corruptions);
    }
}

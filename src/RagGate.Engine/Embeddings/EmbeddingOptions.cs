namespace RagGate.Engine.Embeddings;

/// <summary>Settings of an <see cref="OnnxEmbeddingGenerator"/>.</summary>
public sealed record EmbeddingOptions
{
    /// <summary>Catalog id of the model (see <see cref="EmbeddingModelCatalog"/>).</summary>
    public string Model { get; init; } = EmbeddingModelCatalog.DefaultModelId;

    /// <summary>Intra-op threads of ONNX Runtime; 0 uses one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Typical texts per batch; batches are sized by a token budget of this many median-length texts.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The precision the model runs at; int8 models are built at first use and kept beside the cache.</summary>
    public EmbeddingPrecision Precision { get; init; } = EmbeddingPrecision.Fp32;

    /// <summary>Folder of the on-disk embedding cache, or null for no cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Whether single queries embedded concurrently share one model run (see <see cref="QueryBatcher"/>).
    /// Off only to measure the bare one-query-per-run rate.
    /// </summary>
    public bool BatchConcurrentQueries { get; init; } = true;

    /// <summary>
    /// Whether ONNX Runtime's intra-op threads spin while they wait for the next run (its default). Right for
    /// embedding a corpus batch after batch; a server turns it off, because between requests the spinning threads
    /// take the cores its request threads need (see <see cref="OnnxEmbeddingRunner.CreateSessionOptions"/>).
    /// </summary>
    public bool SpinBetweenRuns { get; init; } = true;
}

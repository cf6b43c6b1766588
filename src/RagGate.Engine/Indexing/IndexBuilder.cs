using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagGate.Engine.Chunking;
using RagGate.Engine.Ingestion;
using RagGate.Evaluation;

namespace RagGate.Engine.Indexing;

/// <summary>Builds an index: chunks every document, embeds the chunks in batches (unless the index is for BM25 only), and indexes them for BM25.</summary>
public static class IndexBuilder
{
    /// <summary>
    /// Chunks <paramref name="corpus"/>, embeds each chunk's embedding text (title and text) with
    /// <paramref name="generator"/> and returns the index with its checksums computed. Without a
    /// generator the index holds no vectors (<see cref="VectorIndex.None"/>): an index for BM25 only.
    /// </summary>
    public static async Task<RagIndex> BuildAsync(IngestionResult corpus, Chunker chunker,
        IEmbeddingGenerator<string, Embedding<float>>? generator, IndexBuildOptions options,
        IProgress<IndexProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(chunker);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        if (corpus.Documents.Count == 0)
        {
            throw InputException.At(corpus.Source, null, "no documents with text found; expected at least one");
        }

        var documents = corpus.Documents.Select(d => new IndexedDocument(d.Id, d.Title)).ToList();
        var (chunks, rows, documentEnds) = SplitAll(corpus.Documents, chunker, ct);
        var texts = chunks.Select((c, i) => c.EmbeddingText(documents[rows[i]].Title)).ToList();
        VectorIndex vectors;
        if (generator is null)
        {
            vectors = VectorIndex.None;
            progress?.Report(new IndexProgress(documents.Count, documents.Count, chunks.Count, chunks.Count));
        }
        else
        {
            vectors = await EmbedAsync(texts, generator, options.BatchSize, documentEnds, progress, ct);
        }

        var manifest = new IndexManifest
        {
            ModelId = options.ModelId ?? generator?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown",
            ModelHash = options.ModelHash,
            Precision = options.Precision,
            Vectors = options.Vectors,
            Dimensions = vectors.Dimensions,
            Chunking = chunker.Options,
            DocumentCount = documents.Count,
            ChunkCount = chunks.Count,
            CreatedAt = options.CreatedAt ?? TimeProvider.System.GetUtcNow(),
        };
        return RagIndex.Create(manifest, documents, chunks, [.. rows], vectors, options.Bm25CacheDirectory);
    }

    private static (List<Chunk> Chunks, List<int> Rows, int[] DocumentEnds) SplitAll(
        IReadOnlyList<Document> documents, Chunker chunker, CancellationToken ct)
    {
        var chunks = new List<Chunk>();
        var rows = new List<int>();
        var documentEnds = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var chunk in chunker.Split(documents[d]))
            {
                chunks.Add(chunk);
                rows.Add(d);
            }

            documentEnds[d] = chunks.Count;
        }

        return (chunks, rows, documentEnds);
    }

    private static async Task<VectorIndex> EmbedAsync(List<string> texts, IEmbeddingGenerator<string, Embedding<float>> generator,
        int batchSize, int[] documentEnds, IProgress<IndexProgress>? progress, CancellationToken ct)
    {
        float[]? data = null;
        var dimensions = 0;
        var documentsDone = 0;
        for (var from = 0; from < texts.Count; from += batchSize)
        {
            var batch = texts.GetRange(from, Math.Min(batchSize, texts.Count - from));
            var embeddings = await generator.GenerateAsync(batch, options: null, ct);
            if (embeddings.Count != batch.Count)
            {
                throw new InvalidOperationException($"the embedding generator returned {embeddings.Count} vectors for {batch.Count} texts");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var vector = embeddings[i].Vector.Span;
                if (data is null)
                {
                    dimensions = vector.Length;
                    data = new float[(long)texts.Count * dimensions];
                }

                StoreNormalized(vector, data.AsSpan((from + i) * dimensions, dimensions));
            }

            var done = from + batch.Count;
            while (documentsDone < documentEnds.Length && documentEnds[documentsDone] <= done)
            {
                documentsDone++;
            }

            progress?.Report(new IndexProgress(documentsDone, documentEnds.Length, done, texts.Count));
        }

        return new VectorIndex(data!, dimensions);
    }

    // Cosine search assumes unit vectors; normalizing here keeps that true whatever the generator does.
    // Vectors that are already unit length are stored as they are, bit for bit.
    private static void StoreNormalized(ReadOnlySpan<float> vector, Span<float> destination)
    {
        if (vector.Length != destination.Length)
        {
            throw new InvalidOperationException($"the embedding generator returned a {vector.Length}-d vector after {destination.Length}-d ones");
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && Math.Abs(norm - 1) > 1e-4f)
        {
            TensorPrimitives.Divide(vector, norm, destination);
        }
        else
        {
            vector.CopyTo(destination);
        }
    }
}

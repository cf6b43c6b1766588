using RagGate.Engine.Chunking;

namespace RagGate.Engine.Indexing;

/// <summary>
/// A built index: documents, their chunks, one embedding per chunk (exact cosine search over fp32
/// vectors, int8 codes, or int8 codes rescored in fp32) and BM25 postings over the same chunk texts. Saved to and loaded from a folder with a versioned manifest
/// and checksums, so a mismatched or corrupted index is an error, never a wrong answer.
/// </summary>
public sealed class RagIndex
{
    private readonly int[] _documentRows;

    internal RagIndex(IndexManifest manifest, IReadOnlyList<IndexedDocument> documents, IReadOnlyList<Chunk> chunks,
        int[] documentRows, VectorIndex? vectors, Int8VectorIndex? int8Vectors, Bm25Index bm25)
    {
        Manifest = manifest;
        Documents = documents;
        Chunks = chunks;
        _documentRows = documentRows;
        Vectors = vectors;
        Int8Vectors = int8Vectors;
        Bm25 = bm25;
    }

    /// <summary>The header: model, dimensions, chunking, counts and checksums.</summary>
    public IndexManifest Manifest { get; }

    /// <summary>SHA-256 over the index's data files; equal indexes have equal hashes.</summary>
    public string ContentHash => Manifest.Checksum;

    /// <summary>The indexed documents, in corpus order.</summary>
    public IReadOnlyList<IndexedDocument> Documents { get; }

    /// <summary>Every chunk; chunk i is row i of <see cref="Vectors"/> and <see cref="Bm25"/>.</summary>
    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>
    /// One normalized fp32 embedding per chunk; <see cref="VectorIndex.None"/> in an index built for
    /// BM25 only; null when the index keeps int8 codes only (<see cref="Int8Vectors"/>).
    /// </summary>
    public VectorIndex? Vectors { get; }

    /// <summary>The embeddings as int8 codes with per-dimension scales; null when the index stores fp32 only.</summary>
    public Int8VectorIndex? Int8Vectors { get; }

    /// <summary>
    /// The <paramref name="k"/> chunk rows most similar to a normalized query, best first, scored as
    /// the index stores its vectors (<see cref="IndexManifest.Vectors"/>).
    /// </summary>
    public SearchHit[] SearchVectors(ReadOnlySpan<float> query, int k) =>
        Int8Vectors is { } int8 ? int8.Search(query, k) : Vectors!.Search(query, k);

    /// <summary>False for an index built for BM25 only, without an embedding model: dense and hybrid retrieval need vectors.</summary>
    public bool HasVectors => Int8Vectors is not null || Vectors!.Dimensions > 0;

    /// <summary>BM25 postings over each chunk's embedding text (title and chunk text).</summary>
    internal Bm25Index Bm25 { get; }

    /// <summary>The inverse document frequency of an analyzed term over the chunks (Lucene's BM25 idf); the highest for a term the corpus lacks.</summary>
    public double TermIdf(string term) => Bm25.TermIdf(term);

    /// <summary>The document that chunk <paramref name="chunkRow"/> belongs to.</summary>
    public IndexedDocument DocumentOf(int chunkRow) => Documents[_documentRows[chunkRow]];

    internal IReadOnlyList<int> DocumentRows => _documentRows;

    /// <summary>Writes the index to <paramref name="directory"/> atomically: a sibling temporary folder replaces it.</summary>
    public Task SaveAsync(string directory, CancellationToken ct = default) => IndexWriter.SaveAsync(this, directory, ct);

    /// <summary>
    /// Loads an index, verifying its format version, checksums and dimensions, and, when
    /// <paramref name="expectedModelId"/> is given, the model it was built with.
    /// </summary>
    public static Task<RagIndex> LoadAsync(string directory, string? expectedModelId = null, CancellationToken ct = default) =>
        IndexReader.LoadAsync(directory, expectedModelId, ct);

    /// <summary>
    /// Assembles an index and computes its checksums; BM25 is built from the chunks' embedding texts,
    /// and the fp32 <paramref name="vectors"/> are quantized (and, for int8 only, dropped) as
    /// <see cref="IndexManifest.Vectors"/> says.
    /// </summary>
    internal static RagIndex Create(IndexManifest manifest, IReadOnlyList<IndexedDocument> documents,
        IReadOnlyList<Chunk> chunks, int[] documentRows, VectorIndex vectors, string? bm25CacheDirectory = null)
    {
        // An index built for BM25 only has no vectors to quantize, whatever retrieval.vectors says.
        var storage = vectors.Dimensions == 0 ? VectorStorage.Fp32 : manifest.Vectors;
        var int8 = storage == VectorStorage.Fp32 ? null : Int8VectorIndex.Quantize(vectors, keepFp32: storage == VectorStorage.Int8Rescore);
        var fp32 = storage == VectorStorage.Int8 ? null : vectors;
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [IndexFiles.Documents] = IndexFiles.Hash(IndexFiles.WriteDocuments(documents)),
            [IndexFiles.Chunks] = IndexFiles.Hash(IndexFiles.WriteChunks(chunks, documentRows)),
        };
        if (fp32 is not null)
        {
            files[IndexFiles.Vectors] = IndexFiles.Hash(IndexFiles.WriteVectors(fp32));
        }

        if (int8 is not null)
        {
            files[IndexFiles.Int8Vectors] = IndexFiles.Hash(IndexFiles.WriteInt8Vectors(int8));
        }

        var (bm25, bm25Bytes) = Bm25PostingsCache.GetOrBuild(EmbeddingTexts(documents, chunks, documentRows), bm25CacheDirectory);
        files[IndexFiles.Bm25] = IndexFiles.Hash(bm25Bytes);
        var complete = manifest with
        {
            DocumentCount = documents.Count,
            ChunkCount = chunks.Count,
            Dimensions = vectors.Dimensions,
            Vectors = storage,
            Files = files,
            Checksum = IndexFiles.ContentHash(files, storage),
        };
        return new RagIndex(complete, documents, chunks, documentRows, fp32, int8, bm25);
    }

    private static string[] EmbeddingTexts(IReadOnlyList<IndexedDocument> documents, IReadOnlyList<Chunk> chunks, int[] documentRows)
    {
        var texts = new string[chunks.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = chunks[i].EmbeddingText(documents[documentRows[i]].Title);
        }

        return texts;
    }
}

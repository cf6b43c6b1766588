using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Evaluation;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Retrieval;

/// <summary>
/// Answers queries against an index with per-document results: each document appears once, with
/// its best chunk's text and score; ranks are 1-based and equal scores are ordered as trec_eval
/// orders them (<see cref="TrecRanking"/>), so the ranking an answer is built from is the one scored.
/// </summary>
public sealed class Retriever
{
    private readonly RagIndex _index;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;

    /// <summary>Creates a retriever; dense and hybrid modes need the generator the index was built with.</summary>
    public Retriever(RagIndex index, IEmbeddingGenerator<string, Embedding<float>>? generator, RetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        if (generator is null && options.Mode != RetrievalMode.Bm25)
        {
            throw new ArgumentException($"{options.Mode} retrieval needs an embedding generator", nameof(generator));
        }

        if (!index.HasVectors && options.Mode != RetrievalMode.Bm25)
        {
            throw InputException.At("index", "vectors",
                $"the index was built for BM25 only and holds no vectors; {options.Mode.ToString().ToLowerInvariant()} retrieval needs them: rebuild it with raggate index and a dense or hybrid config");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CandidateChunks);
        _index = index;
        _generator = generator;
        Options = options;
    }

    /// <summary>The mode and parameters in use.</summary>
    public RetrievalOptions Options { get; }

    /// <summary>The best <paramref name="k"/> documents for <paramref name="query"/>, best first.</summary>
    public async Task<IReadOnlyList<RetrievedDocument>> SearchAsync(string query, int k, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0)
        {
            return [];
        }

        switch (Options.Mode)
        {
            case RetrievalMode.Bm25:
                return ToResults(Bm25Ranking(query, k).Take(k));
            case RetrievalMode.Dense:
                return ToResults(DenseRanking(await EmbedQueryAsync(query, ct), k).Take(k));
            default:
                var dense = DenseRanking(await EmbedQueryAsync(query, ct), k);
                return ToResults(Fuse(dense, Bm25Ranking(query, k)).Take(k));
        }
    }

    private List<DocumentHit> DenseRanking(float[] query, int k) =>
        DocumentRanking(n => _index.SearchVectors(query, n), k);

    private List<DocumentHit> Bm25Ranking(string query, int k) =>
        DocumentRanking(n => _index.Bm25.Search(query, n, Options.Bm25K1, Options.Bm25B), k);

    // Chunks of one document crowd the top of a ranking, so widen the scan until it covers k documents.
    private List<DocumentHit> DocumentRanking(Func<int, SearchHit[]> search, int k)
    {
        var chunkCount = _index.Chunks.Count;
        var depth = Math.Min(chunkCount, Math.Max(Options.CandidateChunks, k));
        while (true)
        {
            var hits = search(depth);
            var documents = new List<DocumentHit>();
            var seen = new HashSet<int>();
            foreach (var hit in hits)
            {
                var document = _index.DocumentRows[hit.Row];
                if (seen.Add(document))
                {
                    documents.Add(new DocumentHit(document, hit.Row, hit.Score));
                }
            }

            if (documents.Count >= k || hits.Length < depth || depth >= chunkCount)
            {
                return [.. documents.OrderBy(d => new ScoredDocument(_index.Documents[d.Document].Id, d.Score), TrecRanking.Comparer)];
            }

            depth = (int)Math.Min(chunkCount, depth * 4L);
        }
    }

    private List<DocumentHit> Fuse(List<DocumentHit> dense, List<DocumentHit> bm25)
    {
        var best = new Dictionary<string, DocumentHit>(StringComparer.Ordinal);
        // The dense ranking's chunk is shown when both found the document; BM25's fills in otherwise.
        foreach (var hit in bm25.Concat(dense))
        {
            best[_index.Documents[hit.Document].Id] = hit;
        }

        var rankings = new[] { dense, bm25 }.Select(r => (IReadOnlyList<string>)[.. r.Select(h => _index.Documents[h.Document].Id)]);
        return [.. RrfFusion.Fuse(rankings, Options.RrfK).Select(pair => best[pair.Key] with { Score = pair.Value })];
    }

    private async Task<float[]> EmbedQueryAsync(string query, CancellationToken ct)
    {
        var embeddings = await _generator!.GenerateAsync([query], EmbeddingInput.Query, ct);
        var vector = embeddings[0].Vector.ToArray();
        if (vector.Length != _index.Manifest.Dimensions)
        {
            throw InputException.At("index", "dimensions",
                $"the index holds {_index.Manifest.Dimensions}-d vectors but the embedding model gives {vector.Length}-d; rebuild it with raggate index");
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && Math.Abs(norm - 1) > 1e-4f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private List<RetrievedDocument> ToResults(IEnumerable<DocumentHit> hits) =>
        [.. hits.Select((hit, i) => new RetrievedDocument(_index.Documents[hit.Document].Id, hit.Score, i + 1, _index.Chunks[hit.Chunk].Text)
        {
            Title = _index.Documents[hit.Document].Title,
        })];
}

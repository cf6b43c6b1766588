namespace RagGate.Engine.Indexing;

/// <summary>
/// BM25 over analyzed chunk texts, scored as Lucene's BM25Similarity (and Anserini) do:
/// idf = ln(1 + (N - df + 0.5) / (df + 0.5)) and tf·(k1 + 1) / (tf + k1·(1 - b + b·dl/avgdl)).
/// Document lengths are exact: Lucene's lossy one-byte norm encoding is not reproduced, so
/// scores can differ from Lucene's in the last digits while following the same formula.
/// </summary>
internal sealed class Bm25Index
{
    /// <summary>Anserini's default k1.</summary>
    public const double DefaultK1 = 0.9;

    /// <summary>Anserini's default b.</summary>
    public const double DefaultB = 0.4;

    private readonly Dictionary<string, int> _termIds;
    private readonly int[] _postingStarts;
    private readonly int[] _postingRows;
    private readonly int[] _postingFrequencies;
    private readonly int[] _lengths;
    private readonly double _averageLength;

    private Bm25Index(Dictionary<string, int> termIds, int[] postingStarts, int[] rows, int[] frequencies, int[] lengths)
    {
        _termIds = termIds;
        _postingStarts = postingStarts;
        _postingRows = rows;
        _postingFrequencies = frequencies;
        _lengths = lengths;
        _averageLength = lengths.Length == 0 ? 0 : lengths.Average();
    }

    internal IReadOnlyDictionary<string, int> TermIds => _termIds;

    internal ReadOnlySpan<int> PostingStarts => _postingStarts;

    internal ReadOnlySpan<int> PostingRows => _postingRows;

    internal ReadOnlySpan<int> PostingFrequencies => _postingFrequencies;

    internal ReadOnlySpan<int> Lengths => _lengths;

    /// <summary>Number of indexed texts (rows).</summary>
    public int Count => _lengths.Length;

    /// <summary>Number of distinct terms.</summary>
    public int TermCount => _termIds.Count;

    /// <summary>Analyzes and indexes <paramref name="texts"/>; row i is texts[i].</summary>
    public static Bm25Index Build(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var analyzed = new List<string>[texts.Count];
        Parallel.For(0, texts.Count, i => analyzed[i] = EnglishTerms.Analyze(texts[i]));
        return Bm25IndexWriter.Write(analyzed);
    }

    internal static Bm25Index FromPostings(Dictionary<string, int> termIds, int[] starts, int[] rows, int[] frequencies, int[] lengths) =>
        new(termIds, starts, rows, frequencies, lengths);

    /// <summary>
    /// The best <paramref name="k"/> rows for <paramref name="query"/>, analyzed like the texts, best
    /// first, ties to the lower row. Rows that match no query term are not returned. A term repeated in
    /// the query counts once per occurrence, as Anserini's bag-of-words query boosts it.
    /// </summary>
    public SearchHit[] Search(string query, int k, double k1 = DefaultK1, double b = DefaultB)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var scores = new double[Count];
        var touched = new List<int>();
        foreach (var term in EnglishTerms.Analyze(query))
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                AddTermScores(id, k1, b, scores, touched);
            }
        }

        var heap = new TopKHeap(Math.Min(k, touched.Count));
        foreach (var row in touched)
        {
            heap.Offer(row, scores[row]);
        }

        return heap.ToSortedArray();
    }

    /// <summary>The inverse document frequency of an analyzed <paramref name="term"/> in this index (the highest for a term it does not hold).</summary>
    public double TermIdf(string term)
    {
        var frequency = _termIds.TryGetValue(term, out var id) ? _postingStarts[id + 1] - _postingStarts[id] : 0;
        return Idf(frequency, Count);
    }

    /// <summary>Inverse document frequency as Lucene's BM25Similarity computes it.</summary>
    public static double Idf(long documentFrequency, long documentCount) =>
        Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private void AddTermScores(int termId, double k1, double b, double[] scores, List<int> touched)
    {
        var from = _postingStarts[termId];
        var to = _postingStarts[termId + 1];
        var idf = Idf(to - from, Count);
        for (var p = from; p < to; p++)
        {
            var row = _postingRows[p];
            double tf = _postingFrequencies[p];
            var norm = k1 * (1 - b + (b * _lengths[row] / _averageLength));
            if (scores[row] == 0)
            {
                touched.Add(row);
            }

            scores[row] += idf * tf * (k1 + 1) / (tf + norm);
        }
    }
}

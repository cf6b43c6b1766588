
namespace RagGate.Evaluation.Runs;

/// <summary>
/// trec_eval's ranking rule: score descending, ties broken by document id descending (byte order of
/// the UTF-8 ids, as C's strcmp compares them). RagGate ranks run documents this way before scoring so
/// that its numbers equal trec_eval's on the exported TREC run, ties included.
/// </summary>
public static class TrecRanking
{
    /// <summary>Orders scored documents the way trec_eval ranks them.</summary>
    public static IComparer<ScoredDocument> Comparer { get; } = new ScoredDocumentComparer();

    /// <summary>The document ids ranked as trec_eval ranks them (the rank field of a run is ignored).</summary>
    public static string[] RankedIds(IEnumerable<ScoredDocument> documents)
    {
        var sorted = documents.ToArray();
        Array.Sort(sorted, Comparer);
        var ids = new string[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
            ids[i] = sorted[i].Id;
        return ids;
    }

    /// <summary>The ids of a run's retrieved documents, ranked as trec_eval ranks them by their scores.</summary>
    public static string[] RankedIds(IReadOnlyList<RankedDocument> documents) =>
        RankedIds(documents.Select(d => new ScoredDocument(d.Id, d.Score)));

    /// <summary>Compares two ids in UTF-8 byte order (what strcmp does), without encoding them.</summary>
    public static int CompareIds(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
                return CodePointOrder(x) - CodePointOrder(y);
        }
        return a.Length - b.Length;
    }

    // UTF-16 code units sort surrogates (U+D800..DFFF) below U+E000..FFFF; UTF-8 (and code points) sort
    // them above. Shifting the two ranges makes ordinal UTF-16 comparison agree with byte order.
    private static int CodePointOrder(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;

    private sealed class ScoredDocumentComparer : IComparer<ScoredDocument>
    {
        public int Compare(ScoredDocument x, ScoredDocument y)
        {
            if (x.Score > y.Score)
                return -1;
            if (x.Score < y.Score)
                return 1;
            return CompareIds(y.Id, x.Id);
        }
    }
}

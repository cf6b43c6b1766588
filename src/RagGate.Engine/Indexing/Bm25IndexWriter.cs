namespace RagGate.Engine.Indexing;

/// <summary>Turns analyzed texts into compact postings: per term, the rows that hold it and how often.</summary>
internal static class Bm25IndexWriter
{
    public static Bm25Index Write(IReadOnlyList<List<string>> analyzed)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<(int Row, int Frequency)>>();
        var lengths = new int[analyzed.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < analyzed.Count; row++)
        {
            lengths[row] = analyzed[row].Count;
            counts.Clear();
            foreach (var term in analyzed[row])
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            foreach (var (term, frequency) in counts)
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = termIds.Count;
                    termIds.Add(term, id);
                    postings.Add([]);
                }

                postings[id].Add((row, frequency));
            }
        }

        var starts = new int[postings.Count + 1];
        for (var id = 0; id < postings.Count; id++)
        {
            starts[id + 1] = starts[id] + postings[id].Count;
        }

        var rows = new int[starts[^1]];
        var frequencies = new int[starts[^1]];
        for (var id = 0; id < postings.Count; id++)
        {
            for (var i = 0; i < postings[id].Count; i++)
            {
                (rows[starts[id] + i], frequencies[starts[id] + i]) = postings[id][i];
            }
        }

        return Bm25Index.FromPostings(termIds, starts, rows, frequencies, lengths);
    }
}

namespace RagGate.Engine.Chunking;

/// <summary>Packs units greedily into chunks, ends them at strong boundaries and carries the overlap.</summary>
internal sealed class ChunkPacker(string text, List<ChunkUnit> units, ChunkingOptions options, Func<string, int> countTokens)
{
    public List<Chunk> Pack(string documentId)
    {
        var chunks = new List<Chunk>();
        var next = 0;
        var start = units.Count > 0 ? units[0].Start : 0;
        while (next < units.Count)
        {
            // The overlap is dropped when it leaves no room for the next unit.
            if (Count(start, units[next].End) > options.MaxTokens)
            {
                start = units[next].Start;
            }

            var end = next + 1;
            while (end < units.Count && Count(start, units[end].End) <= options.MaxTokens)
            {
                end++;
            }

            if (end < units.Count)
            {
                end = PreferredEnd(start, next, end);
            }

            var last = units[end - 1];
            chunks.Add(new Chunk(documentId, chunks.Count, start, last.End, text[start..last.End]));
            next = end;
            if (next < units.Count)
            {
                var overlap = OverlapStart(start, end - 1);
                start = overlap < last.End ? overlap : units[next].Start;
            }
        }

        return chunks;
    }

    // Ends the chunk after the last paragraph boundary, else sentence boundary, that keeps it at least half full.
    private int PreferredEnd(int start, int first, int end)
    {
        var halfFull = options.MaxTokens / 2;
        for (var level = BoundaryLevel.Paragraph; level > BoundaryLevel.Word; level--)
        {
            if (units[end - 1].After >= level)
            {
                return end;
            }

            for (var i = end - 2; i >= first; i--)
            {
                if (units[i].After >= level && Count(start, units[i].End) >= halfFull)
                {
                    return i + 1;
                }
            }
        }

        return end;
    }

    // The start of the trailing whole units, else trailing words, worth at most OverlapTokens.
    private int OverlapStart(int chunkStart, int last)
    {
        var end = units[last].End;
        var overlap = end;
        for (var i = last; i >= 0 && units[i].Start > chunkStart; i--)
        {
            if (Count(units[i].Start, end) > options.OverlapTokens)
            {
                break;
            }

            overlap = units[i].Start;
        }

        if (overlap < end || options.OverlapTokens == 0)
        {
            return overlap;
        }

        var words = TextSegments.Words(text, units[last].Start..end);
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var wordStart = words[i].Start.GetOffset(text.Length);
            if (wordStart <= chunkStart || Count(wordStart, end) > options.OverlapTokens)
            {
                break;
            }

            overlap = wordStart;
        }

        return overlap;
    }

    private int Count(int start, int end) => countTokens(text[start..end]);
}

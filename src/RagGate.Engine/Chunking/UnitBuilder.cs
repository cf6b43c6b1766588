namespace RagGate.Engine.Chunking;

/// <summary>
/// Breaks a text into units that each fit in a chunk: sentences, or the words of a sentence that
/// is too long, or character runs of a word that is too long on its own.
/// </summary>
internal sealed class UnitBuilder(string text, int maxTokens, Func<string, int> countTokens)
{
    private readonly List<ChunkUnit> _units = [];

    public List<ChunkUnit> Build()
    {
        foreach (var paragraph in TextSegments.Paragraphs(text))
        {
            foreach (var sentence in TextSegments.Sentences(text, paragraph))
            {
                AddSentence(sentence);
            }

            if (_units.Count > 0)
            {
                _units[^1] = _units[^1] with { After = BoundaryLevel.Paragraph };
            }
        }

        return _units;
    }

    private void AddSentence(Range sentence)
    {
        if (Fits(sentence))
        {
            Add(sentence, BoundaryLevel.Sentence);
            return;
        }

        foreach (var word in TextSegments.Words(text, sentence))
        {
            if (Fits(word))
            {
                Add(word, BoundaryLevel.Word);
            }
            else
            {
                AddLongWord(word);
            }
        }

        _units[^1] = _units[^1] with { After = BoundaryLevel.Sentence };
    }

    // A run without white space longer than a chunk (a URL, a base64 blob): cut it by characters.
    private void AddLongWord(Range word)
    {
        var (start, length) = word.GetOffsetAndLength(text.Length);
        var end = start + length;
        while (start < end)
        {
            var low = start + 1;
            var high = end;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (Fits(start..middle)) low = middle; else high = middle - 1;
            }

            // Never cut between the halves of a surrogate pair.
            if (low < end && char.IsHighSurrogate(text[low - 1]) && low - 1 > start)
            {
                low--;
            }

            Add(start..low, BoundaryLevel.Word);
            start = low;
        }
    }

    private bool Fits(Range range) => countTokens(text[range]) <= maxTokens;

    private void Add(Range range, BoundaryLevel after)
    {
        var (start, length) = range.GetOffsetAndLength(text.Length);
        _units.Add(new ChunkUnit(start, start + length, after));
    }
}

namespace RagGate.Engine.Chunking;

/// <summary>
/// Finds paragraphs, sentences and words as trimmed character ranges, so chunks can be cut at
/// the largest boundary that fits.
/// </summary>
internal static class TextSegments
{
    /// <summary>Runs of non-blank lines; a blank line separates paragraphs.</summary>
    public static List<Range> Paragraphs(string text)
    {
        var result = new List<Range>();
        var paragraphStart = -1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var blank = text.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace();
            if (!blank && paragraphStart < 0)
            {
                paragraphStart = lineStart;
            }
            else if (blank && paragraphStart >= 0)
            {
                AddTrimmed(result, text, paragraphStart, lineStart);
                paragraphStart = -1;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (paragraphStart >= 0)
        {
            AddTrimmed(result, text, paragraphStart, text.Length);
        }

        return result;
    }

    /// <summary>
    /// Sentences of a paragraph: they end after '.', '!' or '?' (and closing quotes or brackets)
    /// followed by white space, or at a line break, which ends list items and headings.
    /// </summary>
    public static List<Range> Sentences(string text, Range paragraph)
    {
        var result = new List<Range>();
        var (start, length) = paragraph.GetOffsetAndLength(text.Length);
        var end = start + length;
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var boundary = c == '\n'
                || (IsTerminator(c) && NextIsSpaceAfterClosers(text, i + 1, end, out i));
            if (boundary)
            {
                AddTrimmed(result, text, sentenceStart, Math.Min(i + 1, end));
                sentenceStart = i + 1;
            }
        }

        AddTrimmed(result, text, sentenceStart, end);
        return result;
    }

    /// <summary>Runs of non-white-space characters.</summary>
    public static List<Range> Words(string text, Range span)
    {
        var result = new List<Range>();
        var (start, length) = span.GetOffsetAndLength(text.Length);
        var end = start + length;
        var wordStart = -1;
        for (var i = start; i <= end; i++)
        {
            var space = i == end || char.IsWhiteSpace(text[i]);
            if (!space && wordStart < 0)
            {
                wordStart = i;
            }
            else if (space && wordStart >= 0)
            {
                result.Add(wordStart..i);
                wordStart = -1;
            }
        }

        return result;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?';

    // Skips closing quotes and brackets after a terminator; a boundary needs white space (or the end) next.
    private static bool NextIsSpaceAfterClosers(string text, int from, int end, out int last)
    {
        var i = from;
        while (i < end && text[i] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
        {
            i++;
        }

        last = i - 1;
        return i == end || char.IsWhiteSpace(text[i]);
    }

    private static void AddTrimmed(List<Range> ranges, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            ranges.Add(start..end);
        }
    }
}

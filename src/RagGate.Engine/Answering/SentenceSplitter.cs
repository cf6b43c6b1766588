using System.Text.RegularExpressions;

namespace RagGate.Engine.Answering;

/// <summary>
/// Splits document text into sentences that are verbatim substrings of it: by line, then after
/// sentence-ending punctuation followed by a capital or digit. Headings and fragments are skipped.
/// </summary>
internal static partial class SentenceSplitter
{
    private const int MinWords = 3;

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var rawLine in text.Split('\n'))
            sentences.AddRange(SplitLine(rawLine));
        return sentences;
    }

    /// <summary>The sentences of one line; the same strings <see cref="Split"/> gives for it, so cached vectors match.</summary>
    public static IReadOnlyList<string> SplitLine(string rawLine)
    {
        var line = StripListMarker(rawLine.Trim());
        // Markdown headings, rules and table rows are titles or layout, not statements.
        if (line.Length == 0 || line[0] is '#' or '|' or '-' or '=' or '`')
            return [];
        var sentences = new List<string>();
        foreach (var part in Boundary().Split(line))
        {
            var sentence = part.Trim();
            if (WordCount(sentence) >= MinWords)
                sentences.Add(sentence);
        }

        return sentences;
    }

    /// <summary>The line without a leading list marker (<c>- </c>, <c>* </c>, <c>1. </c>).</summary>
    public static string StripListMarker(string line) => ListMarker().Replace(line, "");

    /// <summary>True when the trimmed line starts with a numbered-list marker (<c>1. </c> or <c>1) </c>).</summary>
    public static bool IsNumberedItem(string line) => NumberedMarker().IsMatch(line);

    /// <summary>True when the trimmed line starts with a bullet marker (<c>- </c>, <c>* </c>, <c>+ </c>).</summary>
    public static bool IsBulletItem(string line) => BulletMarker().IsMatch(line);

    private static int WordCount(string text) => Word().Count(text);

    [GeneratedRegex(@"(?<=[.!?][""'”’)]*)\s+(?=[""'“‘(\[]?[\p{Lu}\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedMarker();

    [GeneratedRegex(@"^[-*+]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

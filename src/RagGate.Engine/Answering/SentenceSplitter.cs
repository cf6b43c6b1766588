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
        {
            var line = ListMarker().Replace(rawLine.Trim(), "");
            // Markdown headings, rules and table rows are titles or layout, not statements.
            if (line.Length == 0 || line[0] is '#' or '|' or '-' or '=' or '`')
                continue;
            foreach (var part in Boundary().Split(line))
            {
                var sentence = part.Trim();
                if (WordCount(sentence) >= MinWords)
                    sentences.Add(sentence);
            }
        }

        return sentences;
    }

    private static int WordCount(string text) => Word().Count(text);

    [GeneratedRegex(@"(?<=[.!?][""'”’)]*)\s+(?=[""'“‘(\[]?[\p{Lu}\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:[-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

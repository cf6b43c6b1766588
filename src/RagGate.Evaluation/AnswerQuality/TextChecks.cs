using System.Text.RegularExpressions;

namespace RagGate.Evaluation.AnswerQuality;

/// <summary>Case-insensitive text checks on answers and contexts: keywords, markers, citations, sentences.</summary>
public static partial class TextChecks
{
    /// <summary>
    /// Share of <paramref name="keywords"/> that occur (case-insensitive substring, as the reference
    /// test does) in the joined texts; null when there are no keywords.
    /// </summary>
    public static double? KeywordCoverage(IReadOnlyList<string> keywords, IEnumerable<string> texts)
    {
        if (keywords.Count == 0) return null;
        var combined = string.Join(" ", texts);
        return (double)keywords.Count(k => Contains(combined, k)) / keywords.Count;
    }

    /// <summary>The keywords missing from the texts.</summary>
    public static IReadOnlyList<string> MissingKeywords(IReadOnlyList<string> keywords, IEnumerable<string> texts)
    {
        var combined = string.Join(" ", texts);
        return keywords.Where(k => !Contains(combined, k)).ToList();
    }

    /// <summary>The phrases of <paramref name="markers"/> found in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> FindMarkers(string text, IEnumerable<string> markers) =>
        markers.Where(m => m.Length > 0 && Contains(Normalize(text), Normalize(m))).ToList();

    /// <summary>Case-insensitive substring test.</summary>
    public static bool Contains(string text, string phrase) =>
        text.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Removes <c>[doc-id]</c> citations.</summary>
    public static string StripCitations(string text) => Citation().Replace(text, "").Trim();

    /// <summary>Splits text into sentences at ., ! or ? followed by space, and at line breaks.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).ToList();

    /// <summary>Lowercase content words (letters or digits, 3+ characters, not stop words).</summary>
    public static IEnumerable<string> ContentWords(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2 && !StopWords.Contains(w));

    // Curly apostrophes are common in generated answers; markers are written with straight ones.
    private static string Normalize(string text) => text.Replace('\u2019', '\'');

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "have", "has",
        "was", "were", "will", "can", "all", "any", "its", "our", "out", "into", "than", "then", "them", "they",
        "their", "there", "which", "what", "when", "where", "who", "how", "why", "also", "been", "being", "does",
        "did", "only", "other", "such", "each", "may", "more", "most", "some", "these", "those", "would", "should",
        "could", "about", "after", "before", "over", "under", "between", "per", "via",
    };

    [GeneratedRegex(@"\s*\[[^\[\]\s]+\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

namespace RagGate.Engine.Answering;

/// <summary>
/// Each quotable unit's similarity to the question (its best sentence's: the cosine of embeddings,
/// or of term vectors when the answerer has no embedding model), over the documents of one context,
/// best document first.
/// </summary>
internal sealed class SentenceScores
{
    private readonly Func<string, string, float> _sentenceSimilarity;
    private readonly float[][] _unitScores;

    /// <summary>
    /// Scores the units of <paramref name="passages"/>: <paramref name="similarity"/> is a sentence's
    /// similarity to the question (every sentence of the passages is in <paramref name="sentences"/>),
    /// <paramref name="sentenceSimilarity"/> two sentences' similarity to each other.
    /// </summary>
    public SentenceScores(
        List<PassageText> passages, IEnumerable<string> sentences, Func<string, float> similarity, Func<string, string, float> sentenceSimilarity)
    {
        _sentenceSimilarity = sentenceSimilarity;
        var bySentence = sentences.ToDictionary(s => s, similarity, StringComparer.Ordinal);
        // A fragment (no sentence) scores nothing; NaN (an all-zero vector) never wins.
        _unitScores = [.. passages.Select(p => p.Units
            .Select(u => u.Sentences.Count == 0 ? float.NegativeInfinity : u.Sentences.Max(s => Finite(bySentence[s])))
            .ToArray())];
    }

    /// <summary>
    /// The passage of <paramref name="document"/> a support agent would quote (<see cref="PassageSelector"/>)
    /// around each of its units, scored by the mean of its two best units (half its one unit's score
    /// when it has one): the best passage's unit it was built around and that mean; null when no unit has a sentence.
    /// </summary>
    public (int Anchor, float Mean)? BestPassage(int document, PassageText text, int maxUnits)
    {
        var units = _unitScores[document];
        (int, float)? best = null;
        var bestMean = float.NegativeInfinity;
        for (var u = 0; u < units.Length; u++)
        {
            if (float.IsNegativeInfinity(units[u]))
                continue;
            var top = PassageSelector.Select(text, u, maxUnits)
                .Select(i => units[i])
                .Where(float.IsFinite)
                .OrderDescending()
                .Take(2)
                .ToList();
            // A lone unit counts half: a coherent passage needs two supporting sentences, or one twice as close.
            var mean = top.Count == 1 ? top[0] / 2 : top.Average();
            // Strictly greater: the earlier passage wins a tie.
            if (mean > bestMean)
            {
                best = (u, mean);
                bestMean = mean;
            }
        }

        return best;
    }

    /// <summary>The score of one unit.</summary>
    public float Score(int document, int unit) => _unitScores[document][unit];

    /// <summary>True when a sentence of <paramref name="unit"/> says nearly what one of <paramref name="quoted"/> says.</summary>
    public bool Restates(PassageUnit unit, IReadOnlyList<string> quoted, float similarity) =>
        unit.Sentences.Any(s => quoted.Any(q => _sentenceSimilarity(s, q) >= similarity));

    private static float Finite(float value) => float.IsNaN(value) ? float.NegativeInfinity : value;
}

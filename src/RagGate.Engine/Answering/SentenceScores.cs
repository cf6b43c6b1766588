using System.Numerics.Tensors;

namespace RagGate.Engine.Answering;

/// <summary>
/// Each quotable unit's similarity to the question (its best sentence's cosine), over the
/// documents of one context, best document first.
/// </summary>
internal sealed class SentenceScores
{
    private readonly Dictionary<string, ReadOnlyMemory<float>> _vectors;
    private readonly float[][] _unitScores;

    public SentenceScores(List<PassageText> passages, Dictionary<string, ReadOnlyMemory<float>> vectors, Func<string, float> similarity)
    {
        _vectors = vectors;
        var bySentence = vectors.Keys.ToDictionary(s => s, similarity, StringComparer.Ordinal);
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
        unit.Sentences.Any(s => quoted.Any(q => TensorPrimitives.CosineSimilarity(_vectors[s].Span, _vectors[q].Span) >= similarity));

    private static float Finite(float value) => float.IsNaN(value) ? float.NegativeInfinity : value;
}

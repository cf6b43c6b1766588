using System.Numerics.Tensors;

namespace RagGate.Engine.Answering;

/// <summary>
/// Each quotable unit's similarity to the question (its best sentence's cosine), over the
/// documents of one context, best document first.
/// </summary>
internal sealed class SentenceScores
{
    private readonly List<PassageText> _passages;
    private readonly Dictionary<string, ReadOnlyMemory<float>> _vectors;
    private readonly float[][] _unitScores;

    public SentenceScores(List<PassageText> passages, Dictionary<string, ReadOnlyMemory<float>> vectors, Func<string, float> similarity)
    {
        _passages = passages;
        _vectors = vectors;
        var bySentence = vectors.Keys.ToDictionary(s => s, similarity, StringComparer.Ordinal);
        // A fragment (no sentence) scores nothing; NaN (an all-zero vector) never wins.
        _unitScores = [.. passages.Select(p => p.Units
            .Select(u => u.Sentences.Count == 0 ? float.NegativeInfinity : u.Sentences.Max(s => Finite(bySentence[s])))
            .ToArray())];
    }

    /// <summary>The highest cosine of the question and a whole context document: the refusal signal.</summary>
    public double DocumentSupport { get; init; } = double.NegativeInfinity;

    /// <summary>The best unit of all: the best-supported document is the one holding it (the higher-ranked on a tie).</summary>
    public (int Document, int Unit, float Score)? Best() => BestWhere(_ => true, float.NegativeInfinity);

    /// <summary>The best unit of any other document that scores at least <paramref name="floor"/>.</summary>
    public (int Document, int Unit, float Score)? BestOutside(int document, float floor) => BestWhere(d => d != document, floor);

    /// <summary>True when a sentence of <paramref name="unit"/> says nearly what one of <paramref name="quoted"/> says.</summary>
    public bool Restates(PassageUnit unit, IReadOnlyList<string> quoted, float similarity) =>
        unit.Sentences.Any(s => quoted.Any(q => TensorPrimitives.CosineSimilarity(_vectors[s].Span, _vectors[q].Span) >= similarity));

    private (int Document, int Unit, float Score)? BestWhere(Func<int, bool> include, float floor)
    {
        (int, int, float)? best = null;
        var bestScore = float.NegativeInfinity;
        for (var d = 0; d < _passages.Count; d++)
        {
            if (!include(d))
                continue;
            for (var u = 0; u < _unitScores[d].Length; u++)
            {
                var score = _unitScores[d][u];
                // Strictly greater: the earlier (higher-ranked, earlier in the document) unit wins a tie.
                if (score > bestScore && score >= floor && !float.IsNegativeInfinity(score))
                {
                    best = (d, u, score);
                    bestScore = score;
                }
            }
        }

        return best;
    }

    private static float Finite(float value) => float.IsNaN(value) ? float.NegativeInfinity : value;
}

using RagGate.Engine.Indexing;

namespace RagGate.Engine.Answering;

/// <summary>
/// A text as a bag of its terms, analyzed as BM25 indexes them (<see cref="EnglishTerms"/>), each
/// term's count weighted by its rarity in the corpus: the lexical stand-in for an embedding when the
/// extractive answerer has no embedding model.
/// </summary>
internal sealed class TermVector
{
    private readonly Dictionary<string, double> _weights;
    private readonly double _norm;

    private TermVector(Dictionary<string, double> weights)
    {
        _weights = weights;
        _norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    /// <summary>The weighted term vector of <paramref name="text"/>; <paramref name="weight"/> weighs an analyzed term.</summary>
    public static TermVector Of(string text, Func<string, double> weight)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in EnglishTerms.Analyze(text))
            counts[term] = counts.GetValueOrDefault(term) + 1;
        foreach (var term in counts.Keys.ToList())
            counts[term] *= weight(term);
        return new TermVector(counts);
    }

    /// <summary>The cosine of the two vectors, from 0 (no term in common, or a text without terms) to 1.</summary>
    public double Cosine(TermVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!(_norm > 0) || !(other._norm > 0))
            return 0;
        var (small, large) = _weights.Count <= other._weights.Count ? (_weights, other._weights) : (other._weights, _weights);
        var dot = 0.0;
        foreach (var (term, weight) in small)
        {
            if (large.TryGetValue(term, out var otherWeight))
                dot += weight * otherWeight;
        }

        return dot / (_norm * other._norm);
    }
}

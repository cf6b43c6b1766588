using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Scoring;

/// <summary>Orders a run's documents as trec_eval does, so scorecard metrics agree with the exported TREC run.</summary>
internal static class RetrievalScorer
{
    /// <summary>Documents in trec_eval's order: score descending, ties by document id.</summary>
    public static IReadOnlyList<RankedDocument> RankDocuments(IReadOnlyList<RankedDocument> retrieved) =>
        retrieved.OrderBy(d => new ScoredDocument(d.Id, d.Score), TrecRanking.Comparer).ToList();
}

using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>The golden set's ids are written to run.trec, so they follow the TREC id rule (<see cref="TrecIds"/>).</summary>
public static class GoldenSetIds
{
    /// <summary>Checks the golden set's query ids and judged document ids, before any work starts.</summary>
    public static void Require(GoldenSet golden)
    {
        foreach (var query in golden.Queries)
        {
            TrecIds.Require(query.Id, query.Source ?? golden.Path, "query id");
            foreach (var document in query.Judgments.Keys)
                TrecIds.Require(document, query.Source ?? golden.Path, "document id");
        }
    }
}

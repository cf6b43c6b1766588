using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Metrics.TrecEval;

/// <summary>Evaluates a TREC run against qrels exactly as trec_eval 10 does, for the supported measures.</summary>
public static class TrecEvaluator
{
    /// <summary>
    /// Scores every judged query (with <see cref="TrecEvalOptions.CompleteJudgments"/>) or every query both
    /// judged and retrieved (without); run queries without judgments are ignored.
    /// </summary>
    public static TrecEvalResult Evaluate(IReadOnlyDictionary<string, Dictionary<string, int>> qrels, TrecRun run, TrecEvalOptions options)
    {
        var valueNames = options.Measures.SelectMany(m => m.ValueNames).ToArray();
        var queryIds = qrels.Keys.ToArray();
        Array.Sort(queryIds, TrecRanking.CompareIds);
        var evaluated = new List<string>(queryIds.Length);
        var values = new List<double[]>(queryIds.Length);
        var scratch = new QueryScratch();
        foreach (var queryId in queryIds)
        {
            if (!run.Queries.TryGetValue(queryId, out var documents))
            {
                if (!options.CompleteJudgments)
                    continue;
                documents = [];
            }
            var grades = scratch.Grades(queryId, documents, qrels[queryId], options.MaxDocumentsPerQuery, run);
            values.Add(Measure(options.Measures, valueNames.Length, grades, qrels[queryId]));
            evaluated.Add(queryId);
        }
        return new TrecEvalResult(valueNames, evaluated.ToArray(), values.ToArray());
    }

    private static double[] Measure(IReadOnlyList<TrecMeasure> measures, int count, ReadOnlySpan<int> grades, Dictionary<string, int> judgments)
    {
        var relevant = RankedRelevance.CountRelevant(judgments.Values);
        var ideal = RankedRelevance.IdealGains(judgments.Values);
        var values = new double[count];
        var v = 0;
        foreach (var measure in measures)
        {
            if (measure.Cutoffs.Count == 0)
            {
                values[v++] = measure.Name == "map"
                    ? RankedRelevance.AveragePrecision(grades, relevant, int.MaxValue)
                    : RankedRelevance.ReciprocalRank(grades, int.MaxValue);
                continue;
            }
            foreach (var k in measure.Cutoffs)
            {
                values[v++] = measure.Name switch
                {
                    "P" => RankedRelevance.Precision(grades, k),
                    "recall" => RankedRelevance.Recall(grades, relevant, k),
                    "ndcg_cut" => RankedRelevance.Ndcg(grades, ideal, k),
                    "map_cut" => RankedRelevance.AveragePrecision(grades, relevant, k),
                    "success" => RankedRelevance.Success(grades, k),
                    _ => throw new InvalidOperationException($"measure {measure.Name} has no implementation"),
                };
            }
        }
        return values;
    }

    /// <summary>Buffers reused across queries, so ranking a million-line run allocates little.</summary>
    private sealed class QueryScratch
    {
        private ScoredDocument[] _sorted = new ScoredDocument[128];
        private int[] _grades = new int[128];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public ReadOnlySpan<int> Grades(string queryId, List<ScoredDocument> documents, Dictionary<string, int> judgments, int? maxDocuments, TrecRun run)
        {
            var count = documents.Count;
            if (_sorted.Length < count)
            {
                _sorted = new ScoredDocument[count];
                _grades = new int[count];
            }
            documents.CopyTo(_sorted);
            Array.Sort(_sorted, 0, count, TrecRanking.Comparer);
            // Every document is checked, not only the top -M: eval --run applies the same rule to the whole file.
            _seen.Clear();
            for (var i = 0; i < count; i++)
            {
                if (!_seen.Add(_sorted[i].Id))
                    throw TrecRun.DuplicateDocument(run.Path ?? run.Tag, queryId, _sorted[i].Id);
            }
            if (maxDocuments is { } max && count > max)
                count = max;
            for (var i = 0; i < count; i++)
                _grades[i] = judgments.TryGetValue(_sorted[i].Id, out var grade) ? grade : -1;
            return _grades.AsSpan(0, count);
        }
    }
}

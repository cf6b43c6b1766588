using System.Numerics.Tensors;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Scoring;

/// <summary>Scores one query of a run against its golden judgments: metric values and pass/fail checks.</summary>
internal sealed class QueryScorer(ScoringOptions options, IReadOnlyList<RetrievalMetric> retrievalMetrics)
{
    public async Task<QueryScore> ScoreAsync(GoldenQuery golden, QueryRecord record, CancellationToken cancellationToken)
    {
        var ranked = TrecRanking.RankedIds(record.Retrieved);
        var score = new QueryScore
        {
            Id = golden.Id,
            Query = golden.Query,
            Category = golden.Category,
            Unanswerable = golden.IsUnanswerable,
            Expected = golden.Judgments.Where(j => j.Value > 0).Select(j => j.Key).ToList(),
            Retrieved = ranked.Take(10).ToList(),
            Answer = record.Answer,
            LatencyMs = Median(record.EndToEndLatencyMs.Count > 0 ? record.EndToEndLatencyMs : record.RetrievalLatencyMs),
            TotalTokens = record.PromptTokens + record.CompletionTokens,
        };
        if (record.Error is not null) score.Checks.Add(new QueryCheck(QueryCheckNames.Target, false, record.Error));

        // trec_eval scores every judged query, so one judged only non-relevant counts with its
        // zeros; a query without judgments (unanswerable) is not in the qrels and is left out.
        if (golden.Judgments.Count > 0)
        {
            ScoreRetrieval(golden, ranked, score);
        }

        if (!golden.IsUnanswerable)
        {
            ScoreKeywords(golden, record, score);
        }

        if (record.Answer is not null)
        {
            await ScoreAnswerAsync(golden, record, score, cancellationToken);
            var usage = new TokenUsage(record.PromptTokens, record.CompletionTokens, record.ContextTokens);
            score.Values[MetricCatalog.TokensPerQuery] = usage.TotalTokens;
            score.Values[MetricCatalog.ContextTokens] = usage.ContextTokens;
            score.Values[MetricCatalog.CostPerQuery] = options.CostOf(usage);
        }

        score.Values[MetricCatalog.QueryPassRate] = score.Passed ? 1 : 0;
        return score;
    }

    private void ScoreRetrieval(GoldenQuery golden, IReadOnlyList<string> ranked, QueryScore score)
    {
        foreach (var metric in retrievalMetrics)
        {
            score.Values[metric.Name] = metric.Evaluate(ranked, golden.Judgments);
        }

        if (golden.IsUnanswerable)
        {
            return;
        }

        var rank = ranked.Select((id, i) => (id, i)).FirstOrDefault(x => golden.Judgments.GetValueOrDefault(x.id) > 0);
        score.FirstRelevantRank = rank.id is null ? null : rank.i + 1;
        score.Checks.Add(score.FirstRelevantRank is { } r
            ? new QueryCheck(QueryCheckNames.Retrieval, true, null)
            : new QueryCheck(QueryCheckNames.Retrieval, false, $"no relevant document in the top {ranked.Count}; expected one of: {string.Join(", ", score.Expected)}"));
    }

    private void ScoreKeywords(GoldenQuery golden, QueryRecord record, QueryScore score)
    {
        var texts = RetrievalScorer.RankDocuments(record.Retrieved).Take(options.Eval.KeywordContextDocuments).Select(d => d.Text ?? "").ToList();
        if (TextChecks.KeywordCoverage(golden.ExpectedKeywords, texts) is not { } coverage) return;
        score.Values[MetricCatalog.KeywordCoverage] = coverage;
        var missing = TextChecks.MissingKeywords(golden.ExpectedKeywords, texts);
        score.Checks.Add(new QueryCheck(QueryCheckNames.Keywords, missing.Count == 0,
            missing.Count == 0 ? null : $"missing in the top {options.Eval.KeywordContextDocuments} documents: {string.Join(", ", missing.Select(k => $"'{k}'"))}"));
    }

    private async Task ScoreAnswerAsync(GoldenQuery golden, QueryRecord record, QueryScore score, CancellationToken cancellationToken)
    {
        var answer = record.Answer!;
        // The target's own signal decides; the markers only stand in when it gave none (an HTTP
        // service without "refused"). The sample's documents say "does not cover" themselves.
        var refused = AnswerChecks.IsRefusal(answer, record.Refused, options.Eval.RefusalMarkers);
        var forbidden = TextChecks.FindMarkers(answer, golden.MustNotContain);
        if (golden.MustNotContain.Count > 0)
        {
            score.Checks.Add(new QueryCheck(QueryCheckNames.MustNotContain, forbidden.Count == 0,
                forbidden.Count == 0 ? null : $"the answer contains {string.Join(", ", forbidden.Select(f => $"'{f}'"))}"));
        }

        if (golden.IsUnanswerable)
        {
            score.Values[MetricCatalog.RefusalAccuracy] = refused ? 1 : 0;
            score.Values[MetricCatalog.HallucinationFree] = refused && forbidden.Count == 0 ? 1 : 0;
            score.Checks.Add(new QueryCheck(QueryCheckNames.Refusal, refused, refused ? null : "expected a refusal: nothing in the corpus answers this, but the system answered"));
            return;
        }

        score.Values[MetricCatalog.AnswerRate] = refused ? 0 : 1;
        score.Checks.Add(new QueryCheck(QueryCheckNames.Answered, !refused, refused ? "the system refused, but the golden set has relevant documents" : null));
        var markers = TextChecks.FindMarkers(answer, options.Eval.HallucinationMarkers);
        score.Values[MetricCatalog.HallucinationFree] = markers.Count == 0 && forbidden.Count == 0 ? 1 : 0;
        score.Checks.Add(new QueryCheck(QueryCheckNames.HallucinationMarkers, markers.Count == 0,
            markers.Count == 0 ? null : $"the answer contains {string.Join(", ", markers.Select(m => $"'{m}'"))}"));
        if (golden.ExpectedKeywords.Count > 0)
        {
            var hit = AnswerChecks.KeywordHit(answer, refused, golden.ExpectedKeywords);
            score.Values[MetricCatalog.AnswerKeywordHit] = hit ? 1 : 0;
            score.Checks.Add(new QueryCheck(QueryCheckNames.AnswerKeywords, hit, hit ? null : "the answer holds none of the expected keywords"));
        }

        if (refused) return;
        var context = record.Context ?? "";
        if (Groundedness.Lexical(answer, context) is { } lexical) score.Values[MetricCatalog.GroundednessLexical] = lexical;
        if (options.Embedder is null) return;
        if (await Groundedness.SemanticAsync(answer, context, options.Embedder, options.Eval.GroundednessThreshold, cancellationToken) is { } semantic)
        {
            score.Values[MetricCatalog.Groundedness] = semantic;
        }

        score.Values[MetricCatalog.AnswerRelevance] = await RelevanceAsync(golden.Query, TextChecks.StripCitations(answer), cancellationToken);
    }

    private async Task<double> RelevanceAsync(string query, string answer, CancellationToken cancellationToken)
    {
        var vectors = await options.Embedder!.GenerateAsync([query, answer], cancellationToken: cancellationToken);
        return TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span);
    }

    private static double Median(List<double> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt((values.Count - 1) / 2);
}

using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Running;

/// <summary>
/// Runs a golden set against a target and records everything measured in a <see cref="Run"/>.
/// Repetitions are rounds over the whole golden set in a seeded shuffled order (never back to back
/// per query, so a cache in the target cannot serve them); throughput is requests over the
/// wall-clock time of the measured rounds, at each configured concurrency level.
/// </summary>
public sealed class EvalRunner(IRagTarget target, TimeProvider time)
{
    /// <summary>Runs every golden query: warm-up first, then the measured rounds at each concurrency level.</summary>
    public async Task<Run> RunAsync(GoldenSet golden, RunOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = new Run
        {
            ToolVersion = options.ToolVersion,
            StartedAt = time.GetUtcNow(),
            GitSha = options.GitSha,
            System = target.Identity,
            GoldenSet = golden.Path,
            GoldenSetHash = golden.Sha256,
            TopK = options.K,
            WarmupQueries = Math.Min(options.Warmup, golden.Queries.Count),
            Repetitions = options.Repetitions,
            Concurrency = options.Concurrency[0],
            Load = [],
        };
        run.Queries.AddRange(golden.Queries.Select(q => new QueryRecord { Id = q.Id, Query = q.Query, Category = q.Category }));
        var started = time.GetTimestamp();
        var budget = new CostBudget(options);
        var planned = golden.Queries.Count * options.Repetitions * options.Concurrency.Count;

        for (var i = 0; i < run.WarmupQueries; i++)
        {
            var warm = await MeasureAsync(golden.Queries[i], options, cancellationToken);
            if (warm.Answer is not null) budget.Spend(warm.Answer.Usage, 0, planned);
            progress?.Report(new RunProgress(i + 1, run.WarmupQueries, "warm-up queries"));
        }

        var order = new RoundOrder(options.Seed);
        var done = 0;
        for (var level = 0; level < options.Concurrency.Count && budget.Exceeded is null; level++)
        {
            var load = new LoadLevel { Concurrency = options.Concurrency[level] };
            run.Load.Add(load);
            var levelStarted = time.GetTimestamp();
            for (var round = 0; round < options.Repetitions && budget.Exceeded is null; round++)
            {
                var scored = level == 0;
                var repetition = round;
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = load.Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(order.Next(golden.Queries.Count), parallel, async (i, token) =>
                {
                    if (budget.Exceeded is not null) return;
                    var measured = await MeasureAsync(golden.Queries[i], options, token);
                    if (scored) Record(run.Queries[i], measured, repetition);
                    int count;
                    lock (load)
                    {
                        load.Requests++;
                        if (measured.Error is not null) load.Errors++;
                        else load.LatencyMs.Add(measured.Answer is null ? measured.RetrievalMs : measured.EndToEndMs);
                        count = ++done;
                    }

                    if (measured.Answer is not null) budget.Spend(measured.Answer.Usage, count, planned);
                    progress?.Report(new RunProgress(count, planned, load.Concurrency == 1 ? "queries" : $"queries at concurrency {load.Concurrency}"));
                });
            }

            load.WallTimeMs = time.GetElapsedTime(levelStarted).TotalMilliseconds;
        }

        (run.Stopped, run.Spent) = (budget.Exceeded, budget.Spent);
        foreach (var record in run.Queries.Where(r => run.Stopped is not null && r.RetrievalLatencyMs.Count == 0 && r.Error is null))
        {
            record.Error = $"not run: {run.Stopped}";
        }

        run.WallTimeMs = time.GetElapsedTime(started).TotalMilliseconds;
        return run;
    }

    private static void Record(QueryRecord record, Measurement measured, int repetition)
    {
        if (measured.Error is null)
        {
            record.RetrievalLatencyMs.Add(measured.RetrievalMs);
            if (measured.Answer is not null) record.EndToEndLatencyMs.Add(measured.EndToEndMs);
        }

        var attempt = new QueryAttempt
        {
            Error = measured.Error,
            Retrieved = measured.Retrieval?.Documents.Select(d => new RankedDocument(d.Id, d.Score, d.Rank) { Text = d.Text }).ToList() ?? [],
            Answer = measured.Answer?.Answer,
            Refused = measured.Answer?.Refused ?? false,
            Context = measured.Answer?.Context,
            PromptTokens = measured.Answer?.Usage.PromptTokens ?? 0,
            CompletionTokens = measured.Answer?.Usage.CompletionTokens ?? 0,
            ContextTokens = measured.Answer?.Usage.ContextTokens ?? 0,
            TokensEstimated = measured.Answer?.Usage.Estimated ?? false,
        };
        if (repetition > 0)
        {
            (record.Repeats ??= []).Add(attempt);
            return;
        }

        (record.Error, record.Retrieved, record.Answer, record.Refused, record.Context) =
            (attempt.Error, attempt.Retrieved, attempt.Answer, attempt.Refused, attempt.Context);
        record.AnswerDocuments = measured.Answer is null ? null : [.. measured.Answer.Documents.Select(d => d.Id)];
        (record.PromptTokens, record.CompletionTokens, record.ContextTokens, record.TokensEstimated) =
            (attempt.PromptTokens, attempt.CompletionTokens, attempt.ContextTokens, attempt.TokensEstimated);
    }

    private async Task<Measurement> MeasureAsync(GoldenQuery query, RunOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var start = time.GetTimestamp();
            if (!options.Answer)
            {
                var ranking = await target.RetrieveAsync(query.Query, options.K, cancellationToken);
                return new Measurement(ranking, null, time.GetElapsedTime(start).TotalMilliseconds, 0, null);
            }

            // One retrieval per answer: the ranking scored is the one the answer was built from, and its
            // retrieval time is the target's own measure of that retrieval (the engine's clock around its
            // retriever; an HTTP service's retrievalMs), apart from the end-to-end time measured here.
            var answer = await target.AnswerAsync(query.Query, options.K, cancellationToken);
            var endToEndMs = time.GetElapsedTime(start).TotalMilliseconds;
            if (answer.Ranking is { } together)
            {
                return new Measurement(new RetrievalResult(together), answer, answer.RetrievalLatency.TotalMilliseconds, endToEndMs, null);
            }

            // A target that does not return its ranking: retrieve it in a call of its own, timed here, as before.
            start = time.GetTimestamp();
            var retrieval = await target.RetrieveAsync(query.Query, options.K, cancellationToken);
            return new Measurement(retrieval, answer, time.GetElapsedTime(start).TotalMilliseconds, endToEndMs, null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A failing target is data: the query scores zero and the report says why (warm-up included,
            // so an outage never crashes the run).
            return new Measurement(null, null, 0, 0, e.Message);
        }
    }

    private sealed record Measurement(RetrievalResult? Retrieval, AnswerResult? Answer, double RetrievalMs, double EndToEndMs, string? Error);
}

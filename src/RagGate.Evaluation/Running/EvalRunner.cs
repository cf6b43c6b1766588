using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Running;

/// <summary>
/// Runs a golden set against a target and records everything measured in a <see cref="Run"/>.
/// Queries run one at a time so latencies are not distorted by each other.
/// </summary>
public sealed class EvalRunner(IRagTarget target, TimeProvider time)
{
    /// <summary>Runs every golden query: warm-up first, then the measured repetitions.</summary>
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
        };
        var started = time.GetTimestamp();

        for (var i = 0; i < run.WarmupQueries; i++)
        {
            await MeasureAsync(golden.Queries[i], options, cancellationToken);
            progress?.Report(new RunProgress(i + 1, run.WarmupQueries, "warm-up"));
        }

        for (var i = 0; i < golden.Queries.Count; i++)
        {
            run.Queries.Add(await RecordAsync(golden.Queries[i], options, cancellationToken));
            progress?.Report(new RunProgress(i + 1, golden.Queries.Count, "queries"));
        }

        run.WallTimeMs = time.GetElapsedTime(started).TotalMilliseconds;
        return run;
    }

    private async Task<QueryRecord> RecordAsync(GoldenQuery query, RunOptions options, CancellationToken cancellationToken)
    {
        var record = new QueryRecord { Id = query.Id, Query = query.Query, Category = query.Category };
        try
        {
            for (var rep = 0; rep < options.Repetitions; rep++)
            {
                var (retrieval, answer, retrievalMs, endToEndMs) = await MeasureAsync(query, options, cancellationToken);
                record.RetrievalLatencyMs.Add(retrievalMs);
                if (answer is not null) record.EndToEndLatencyMs.Add(endToEndMs);
                if (rep > 0) continue;

                record.Retrieved = retrieval.Documents.Select(d => new RankedDocument(d.Id, d.Score, d.Rank) { Text = d.Text }).ToList();
                if (answer is null) continue;
                record.AnswerDocuments = [.. answer.Documents.Select(d => d.Id)];
                record.Answer = answer.Answer;
                record.Refused = answer.Refused;
                record.Context = answer.Context;
                record.PromptTokens = answer.Usage.PromptTokens;
                record.CompletionTokens = answer.Usage.CompletionTokens;
                record.ContextTokens = answer.Usage.ContextTokens;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A failing target is data: the query scores zero and the report says why.
            record.Error = e.Message;
        }

        return record;
    }

    private async Task<(RetrievalResult Retrieval, AnswerResult? Answer, double RetrievalMs, double EndToEndMs)> MeasureAsync(
        GoldenQuery query, RunOptions options, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var retrieval = await target.RetrieveAsync(query.Query, options.K, cancellationToken);
        var retrievalMs = time.GetElapsedTime(start).TotalMilliseconds;
        if (!options.Answer) return (retrieval, null, retrievalMs, 0);

        start = time.GetTimestamp();
        var answer = await target.AnswerAsync(query.Query, cancellationToken);
        return (retrieval, answer, retrievalMs, time.GetElapsedTime(start).TotalMilliseconds);
    }
}

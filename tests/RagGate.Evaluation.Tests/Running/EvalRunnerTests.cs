using RagGate.Evaluation.Running;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;
using static RagGate.Evaluation.Tests.Scoring.RunBuilder;

namespace RagGate.Evaluation.Tests.Running;

public sealed class EvalRunnerTests
{
    /// <summary>A test double target: answers from a script and can be told to fail; never a default path.</summary>
    private sealed class ScriptedTarget : IRagTarget
    {
        public List<string> Calls { get; } = [];

        public HashSet<string> Failing { get; } = [];

        public SystemIdentity Identity { get; } = new("scripted", "m", "gpt-4o-mini", "dense", null, null);

        public Task<RetrievalResult> RetrieveAsync(string query, int k, CancellationToken cancellationToken = default)
        {
            Calls.Add($"retrieve {query} {k}");
            if (Failing.Contains(query)) throw new HttpRequestException("503 Service Unavailable");
            return Task.FromResult(new RetrievalResult([new RetrievedDocument($"doc-{query}", 0.9, 1, "text")]));
        }

        public Task<AnswerResult> AnswerAsync(string query, CancellationToken cancellationToken = default)
        {
            Calls.Add($"answer {query}");
            // The answering call's own retrieval may rank differently from RetrieveAsync (as over HTTP).
            IReadOnlyList<RetrievedDocument> used = [new($"used-{query}", 0.8, 1, "text"), new("other", 0.7, 2, "text")];
            return Task.FromResult(new AnswerResult($"answer to {query}", used, "context", new TokenUsage(50, 7, 30), TimeSpan.Zero, false));
        }
    }

    /// <summary>A clock that advances 5 ms on every read, so latencies are exact.</summary>
    private sealed class SteppingTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += TimeSpan.FromMilliseconds(5).Ticks;
    }

    [Fact]
    public async Task RunAsync_WarmupAndRepetitions_RecordsOnlyMeasuredSamples()
    {
        var target = new ScriptedTarget();
        var golden = Golden(Query("a", ["doc-question a"]), Query("b", ["x"]));

        var run = await new EvalRunner(target, new SteppingTime()).RunAsync(golden, new RunOptions { K = 7, Warmup = 1, Repetitions = 3 });

        Assert.Equal(2 + (2 * 3 * 2), target.Calls.Count);
        // The target returns no ranking with its answers, so the runner retrieves it after each answer.
        Assert.Equal(["answer question a", "retrieve question a 7"], target.Calls.Take(2));
        Assert.Equal(["a", "b"], run.Queries.Select(q => q.Id));
        Assert.All(run.Queries, q => Assert.Equal([5.0, 5.0, 5.0], q.RetrievalLatencyMs));
        Assert.All(run.Queries, q => Assert.Equal(3, q.EndToEndLatencyMs.Count));
        Assert.Equal(("answer to question a", 50, 7, 30), (run.Queries[0].Answer, run.Queries[0].PromptTokens, run.Queries[0].CompletionTokens, run.Queries[0].ContextTokens));
        Assert.Equal("doc-question a", Assert.Single(run.Queries[0].Retrieved).Id);
        Assert.Equal("scripted", run.System.Name);
        Assert.Equal(7, run.TopK);
    }

    [Fact]
    public async Task RunAsync_Answering_RecordsTheDocumentsTheAnswerWasBuiltFrom()
    {
        var target = new ScriptedTarget();

        var run = await new EvalRunner(target, new SteppingTime()).RunAsync(Golden(Query("a", ["x"])), new RunOptions { Warmup = 0, Repetitions = 1 });

        Assert.Equal(["used-question a", "other"], run.Queries[0].AnswerDocuments);
        Assert.Equal("doc-question a", Assert.Single(run.Queries[0].Retrieved).Id);
    }

    [Fact]
    public async Task RunAsync_TargetFails_RecordsTheErrorAndGoesOn()
    {
        var target = new ScriptedTarget { Failing = { "question a" } };
        var golden = Golden(Query("a", ["x"]), Query("b", ["y"]));

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { Warmup = 0 });

        Assert.Equal("503 Service Unavailable", run.Queries[0].Error);
        Assert.Null(run.Queries[1].Error);
        Assert.Equal("answer to question b", run.Queries[1].Answer);
    }

    [Fact]
    public async Task RunAsync_RetrievalOnly_AsksForNoAnswers()
    {
        var target = new ScriptedTarget();

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(Golden(Query("a", ["x"])), new RunOptions { Warmup = 0, Answer = false });

        Assert.DoesNotContain(target.Calls, c => c.StartsWith("answer", StringComparison.Ordinal));
        Assert.Null(run.Queries[0].Answer);
        Assert.Null(run.Queries[0].AnswerDocuments);
        Assert.Empty(run.Queries[0].EndToEndLatencyMs);
    }

    [Fact]
    public async Task RunAsync_Repetitions_RunsInterleavedRoundsOverTheWholeGoldenSetInASeededShuffle()
    {
        var golden = Golden([.. "abcdefgh".Select(c => Query(c.ToString(), ["x"]))]);
        async Task<List<string>> OrderAsync(int seed)
        {
            var target = new ScriptedTarget();
            await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { Warmup = 0, Repetitions = 3, Answer = false, Seed = seed });
            return [.. target.Calls.Select(c => c.Split(' ')[2])];
        }

        var calls = await OrderAsync(7);

        Assert.Equal(24, calls.Count);
        var rounds = calls.Chunk(8).ToList();
        Assert.All(rounds, round => Assert.Equal("abcdefgh", string.Concat(round.Order(StringComparer.Ordinal))));
        Assert.NotEqual(rounds[0], rounds[1]);
        Assert.Equal(calls, await OrderAsync(7));
        Assert.NotEqual(calls, await OrderAsync(8));
    }

    [Fact]
    public async Task RunAsync_Repetitions_RecordsEveryRepetitionsAnswer()
    {
        var target = new ScriptedTarget();

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(Golden(Query("a", ["x"])), new RunOptions { Warmup = 0, Repetitions = 3 });

        var record = Assert.Single(run.Queries);
        Assert.Equal(3, record.Repetitions().Count());
        Assert.All(record.Repetitions(), r => Assert.Equal(("answer to question a", 50), (r.Answer, r.PromptTokens)));
        Assert.Equal(2, record.Repeats!.Count);
    }

    [Fact]
    public async Task RunAsync_SteppingClock_ThroughputIsRequestsOverWallClockTime()
    {
        var golden = Golden(Query("a", ["x"]), Query("b", ["x"]), Query("c", ["x"]), Query("d", ["x"]));

        var run = await new EvalRunner(new ScriptedTarget(), new SteppingTime()).RunAsync(golden, new RunOptions { Warmup = 1, Repetitions = 2 });
        var latency = (await ScorecardBuilder.BuildAsync(run, golden, new ScoringOptions())).Latency;

        var level = Assert.Single(run.Load!);
        Assert.Equal((1, 8, 0), (level.Concurrency, level.Requests, level.Errors));
        // Each request reads the clock four times (5 ms each), but only the answer call counts as end-to-end latency:
        // wall clock sees all of it, 1/mean latency (the old figure, 200 queries/s) does not.
        Assert.Equal(5.0, latency.EndToEnd.Mean);
        Assert.True(level.WallTimeMs >= 8 * 20, $"wall {level.WallTimeMs}");
        Assert.Equal(8 / (level.WallTimeMs / 1000), latency.ThroughputQps, 9);
        Assert.True(latency.ThroughputQps < 60, $"throughput {latency.ThroughputQps}");
    }

    [Fact]
    public async Task RunAsync_OverBudget_StopsRecordsHowFarItGotAndWhy()
    {
        var golden = Golden([.. "abcde".Select(c => Query(c.ToString(), ["x"]))]);
        var options = new RunOptions { Warmup = 0, Repetitions = 2, CostOf = usage => usage.TotalTokens * 0.001, MaxCost = 0.2, Currency = "USD" };
        var target = new ScriptedTarget();

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, options);

        // 57 tokens per answer at 0.001: the fourth answer brings the spend to 0.228, over 0.2.
        Assert.Equal(4, target.Calls.Count(c => c.StartsWith("answer", StringComparison.Ordinal)));
        Assert.Equal(0.228, run.Spent!.Value, 9);
        Assert.Equal("eval.max_cost: spent 0.228 USD, over the budget of 0.2 USD; stopped after 4 of 10 measured requests", run.Stopped);
        Assert.Equal(4, run.Load![0].Requests);
        Assert.Equal(1, run.Queries.Count(q => q.Error?.StartsWith("not run: eval.max_cost", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task RunAsync_WarmupTargetDown_RecordsInsteadOfThrowing()
    {
        var target = new ScriptedTarget { Failing = { "question a" } };

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(Golden(Query("a", ["x"]), Query("b", ["x"])), new RunOptions { Warmup = 2 });

        Assert.Equal("503 Service Unavailable", run.Queries[0].Error);
        Assert.Null(run.Queries[1].Error);
    }
}

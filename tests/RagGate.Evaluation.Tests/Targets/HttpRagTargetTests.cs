using System.Globalization;
using System.Text.Json;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Running;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Tests.Targets;

/// <summary>
/// Protocol tests of <see cref="HttpRagTarget"/> against a local peer speaking the contract of
/// docs/http-target.md: the request bodies it sends, how it maps responses, and how
/// <see cref="EvalRunner"/> records a service's answers and failures.
/// </summary>
public sealed class HttpRagTargetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>What the scripted service returns for a query: documents "&lt;query&gt;-1", "&lt;query&gt;-2", ... and usage from the query length.</summary>
    private static (int, string) Script(string path, JsonElement body)
    {
        var query = body.GetProperty("query").GetString()!;
        if (query == "boom")
            return (500, """{"error":"index offline"}""");
        var k = path == "retrieve" ? body.GetProperty("k").GetInt32() : 2;
        var documents = Enumerable.Range(1, k).Select(rank => new { id = $"{query}-{rank}", score = 1.0 / rank, rank, text = $"text {rank} for {query}" });
        object response = path == "retrieve"
            ? new { documents }
            : new
            {
                answer = $"The answer to {query} [{query}-1]",
                documents,
                context = $"context of {query}",
                usage = new { promptTokens = 100 + query.Length, completionTokens = 10 + query.Length, contextTokens = 50 + query.Length },
                refused = query.StartsWith("unknown", StringComparison.Ordinal),
                retrievalMs = 12.5,
            };
        return (200, JsonSerializer.Serialize(response));
    }

    [Fact]
    public async Task RetrieveAsync_ScriptedPeer_PostsQueryAndKAndMapsDocuments()
    {
        using var peer = new LocalRagPeer(Script);
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");

        var result = await target.RetrieveAsync("refund window", 3);

        var request = Assert.Single(peer.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("retrieve", request.Path);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal(["query", "k"], request.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("refund window", request.Body.GetProperty("query").GetString());
        Assert.Equal(3, request.Body.GetProperty("k").GetInt32());
        Assert.Equal(
            [new RetrievedDocument("refund window-1", 1.0, 1, "text 1 for refund window"),
             new RetrievedDocument("refund window-2", 0.5, 2, "text 2 for refund window"),
             new RetrievedDocument("refund window-3", 1.0 / 3, 3, "text 3 for refund window")],
            result.Documents);
    }

    [Fact]
    public async Task AnswerAsync_ScriptedPeer_PostsQueryAndMapsAnswerUsageAndLatency()
    {
        using var peer = new LocalRagPeer(Script);
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");

        var answer = await target.AnswerAsync("unknown thing");

        var request = Assert.Single(peer.Requests);
        Assert.Equal(("POST", "answer"), (request.Method, request.Path));
        Assert.Equal(["query"], request.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unknown thing", request.Body.GetProperty("query").GetString());
        Assert.Equal("The answer to unknown thing [unknown thing-1]", answer.Answer);
        Assert.Equal(["unknown thing-1", "unknown thing-2"], answer.Documents.Select(d => d.Id));
        Assert.Equal("context of unknown thing", answer.Context);
        Assert.Equal(new TokenUsage(113, 23, 63), answer.Usage);
        Assert.True(answer.Refused);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), answer.RetrievalLatency);
    }

    [Fact]
    public async Task AnswerAsync_PeerOmitsUsageAndContext_CountsQueryAndAnswerAsEstimated()
    {
        using var peer = new LocalRagPeer((_, _) => (200, """{"answer":"yes","documents":[],"refused":false,"retrievalMs":0}"""));
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");

        var answer = await target.AnswerAsync("q");

        Assert.Equal("yes", answer.Answer);
        Assert.Equal("", answer.Context);
        Assert.Equal((1, 1, 0, true), (answer.Usage.PromptTokens, answer.Usage.CompletionTokens, answer.Usage.ContextTokens, answer.Usage.Estimated));
        Assert.False(answer.Refused);
    }

    [Fact]
    public async Task AnswerAsync_PeerOmitsUsage_CountsQueryContextAndAnswerWithTheGenerationModelsTokenizer()
    {
        const string Context = "[billing/refunds] Refunds are issued within 14 days of the request.";
        const string Answer = "Refunds take up to 14 days [billing/refunds].";
        var body = JsonSerializer.Serialize(new { answer = Answer, documents = Array.Empty<object>(), context = Context, refused = false, retrievalMs = 1 });
        using var peer = new LocalRagPeer((_, _) => (200, body));
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");
        var counter = RagGate.Evaluation.Tokens.TokenCounter.ForModel("gpt-4o-mini");

        var answer = await target.AnswerAsync("How long do refunds take?");

        Assert.True(answer.Usage.Estimated);
        Assert.Equal(counter.Count("How long do refunds take?") + counter.Count(Context), answer.Usage.PromptTokens);
        Assert.Equal(counter.Count(Answer), answer.Usage.CompletionTokens);
        Assert.Equal(counter.Count(Context), answer.Usage.ContextTokens);
        Assert.True(answer.Usage.CompletionTokens > 5);
    }

    [Fact]
    public async Task EvalRunner_UsageRequiredAndPeerOmitsUsage_RecordsAPerQueryError()
    {
        using var peer = new LocalRagPeer((path, body) => path == "retrieve"
            ? (200, """{"documents":[]}""")
            : body.GetProperty("query").GetString() == "with usage"
                ? (200, """{"answer":"yes","documents":[],"usage":{"promptTokens":9,"completionTokens":2,"contextTokens":4},"refused":false,"retrievalMs":0}""")
                : (200, """{"answer":"yes","documents":[],"refused":false,"retrievalMs":0}"""));
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini", usageRequired: true);
        var golden = Golden("with usage", "without usage");

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { Warmup = 0 });

        Assert.Null(run.Queries[0].Error);
        Assert.Equal((9, 2, false), (run.Queries[0].PromptTokens, run.Queries[0].CompletionTokens, run.Queries[0].TokensEstimated));
        Assert.Contains("no usage", run.Queries[1].Error, StringComparison.Ordinal);
        Assert.Contains("target.usage is required", run.Queries[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalRunner_OverHttpTarget_RecordsIdsRankingAnswerAndUsage()
    {
        using var peer = new LocalRagPeer(Script);
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");
        var golden = Golden("alpha", "beta query");

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { K = 4, Warmup = 0, Repetitions = 1 });

        Assert.Equal("svc", run.System.Name);
        Assert.Equal(["q1", "q2"], run.Queries.Select(q => q.Id));
        foreach (var (record, query) in run.Queries.Zip(new[] { "alpha", "beta query" }))
        {
            Assert.Null(record.Error);
            Assert.Equal(Enumerable.Range(1, 4).Select(r => $"{query}-{r}"), record.Retrieved.Select(d => d.Id));
            Assert.Equal([1, 2, 3, 4], record.Retrieved.Select(d => d.Rank));
            Assert.Equal($"The answer to {query} [{query}-1]", record.Answer);
            Assert.Equal((100 + query.Length, 10 + query.Length, 50 + query.Length), (record.PromptTokens, record.CompletionTokens, record.ContextTokens));
        }
        // One answer and one retrieve per query, no warm-up: this peer returns no ranking with its answers,
        // so the runner retrieves the ranking in a call of its own, after the answer.
        Assert.Equal(["answer", "retrieve", "answer", "retrieve"], peer.Requests.Select(r => r.Path));
        Assert.All(peer.Requests, r => Assert.Equal(4, r.Body.GetProperty("k").GetInt32()));
    }

    [Fact]
    public async Task EvalRunner_PeerReturns500_RecordsErrorAndRunsTheOtherQueries()
    {
        using var peer = new LocalRagPeer(Script);
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(Golden("boom", "fine"), new RunOptions { K = 2, Warmup = 0 });

        Assert.Equal(2, run.Queries.Count);
        var failed = run.Queries[0];
        Assert.NotNull(failed.Error);
        Assert.Contains("500", failed.Error, StringComparison.Ordinal);
        Assert.Empty(failed.Retrieved);
        Assert.Null(run.Queries[1].Error);
        Assert.Equal(["fine-1", "fine-2"], run.Queries[1].Retrieved.Select(d => d.Id));
    }

    [Fact]
    public async Task EvalRunner_ServiceRanksDifferentlyOnEveryCall_ScoresTheRankingTheAnswerWasBuiltFrom()
    {
        var retrievals = 0;
        using var peer = new LocalRagPeer((path, request) =>
        {
            // Every retrieval ranks differently, as a service over a live index may: only a ranking
            // returned with the answer is the one the answer was built from.
            var call = Interlocked.Increment(ref retrievals);
            var query = request.GetProperty("query").GetString();
            var withK = request.TryGetProperty("k", out var depth);
            var ranking = Enumerable.Range(1, withK ? depth.GetInt32() : 3)
                .Select(r => new { id = $"{query}-call{call}-{r}", score = 1.0 / r, rank = r, text = "Refunds take 14 days." }).ToArray();
            return path == "retrieve"
                ? (200, JsonSerializer.Serialize(new { documents = ranking }))
                : (200, JsonSerializer.Serialize(new { answer = "Refunds take 14 days.", documents = ranking.Take(3), refused = false, retrievalMs = 2.5, ranking = withK ? ranking : null }));
        });
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(Golden("alpha", "beta"), new RunOptions { K = 5, Warmup = 0 });

        foreach (var record in run.Queries)
        {
            Assert.Null(record.Error);
            Assert.Equal(5, record.Retrieved.Count);
            Assert.Equal(record.AnswerDocuments, record.Retrieved.Take(3).Select(d => d.Id));
            // The service's own time for the retrieval inside /answer: it cannot be timed from outside.
            Assert.Equal([2.5], record.RetrievalLatencyMs);
        }

        Assert.Equal(["answer", "answer"], peer.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("null")]
    public async Task EvalRunner_PeerAnswersWithoutContractJson_RecordsErrorInsteadOfAborting(string body)
    {
        using var peer = new LocalRagPeer((path, request) => request.GetProperty("query").GetString() == "broken" ? (200, body) : Script(path, request));
        using var target = new HttpRagTarget(peer.BaseUrl, Timeout, "svc", "gpt-4o-mini");

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(Golden("broken", "fine"), new RunOptions { K = 2, Warmup = 0 });

        Assert.StartsWith("answer: ", run.Queries[0].Error, StringComparison.Ordinal);
        Assert.Null(run.Queries[1].Error);
        Assert.Equal(["fine-1", "fine-2"], run.Queries[1].Retrieved.Select(d => d.Id));
    }

    private static GoldenSet Golden(params string[] queries) => new("golden.json", "sha", [.. queries.Select((q, i) => new GoldenQuery
    {
        Id = "q" + (i + 1).ToString(CultureInfo.InvariantCulture),
        Query = q,
        Judgments = new Dictionary<string, int> { [q + "-1"] = 1 },
    })]);
}

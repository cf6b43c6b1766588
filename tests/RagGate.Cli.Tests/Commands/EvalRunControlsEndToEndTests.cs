using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// The run controls of <c>raggate eval</c> end to end, with the real embedded engine: cutoffs deeper than the
/// run are input errors, <c>--dry-run</c> prices a run without making it, <c>eval.max_cost</c> stops a run
/// over budget, and repetitions of the deterministic extractive engine agree.
/// </summary>
public sealed partial class EvalRunControlsEndToEndTests : IDisposable
{
    private const string Golden = """
        {"queries": [
          {"query": "How do I reset my password?", "expected_doc_ids": ["passwords"], "expected_keywords": ["reset"]},
          {"query": "What is the refund window?", "expected_doc_ids": ["refunds"], "expected_keywords": ["30 days"]},
          {"query": "Can I pay with cryptocurrency?", "expected_doc_ids": []}
        ]}
        """;

    private const string Config = "corpus: docs\ngolden: golden.json\n";

    private readonly TempFolder _folder = new();

    public EvalRunControlsEndToEndTests()
    {
        _folder.Write("docs/passwords.md", "# Reset your password\n\nOpen Settings and choose Reset password. We email you a link that expires after one hour.\n");
        _folder.Write("docs/refunds.md", "# Refunds\n\nAnnual plans can be refunded within 30 days of the charge. Monthly plans are not refunded.\n");
        _folder.Write("golden.json", Golden);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<RaggateProcess.Result> EvalAsync(string config, params string[] extra)
    {
        _folder.Write("raggate.yaml", config);
        return await RaggateProcess.RunAsync(_folder.Path, ["eval", "--config", "raggate.yaml", "--out", "out", .. extra]);
    }

    private static void AssertOneLineInputError(RaggateProcess.Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("raggate: " + expected, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split("; raise")[0]);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Eval_GateDeeperThanEvalK_ExitsTwoNamingTheGate()
    {
        var result = await EvalAsync(Config + "eval:\n  k: 10\ngates:\n  - recall@50 >= 0.8\n");

        AssertOneLineInputError(result, "raggate.yaml:6: gates[0]: recall@50 needs the top 50 documents, deeper than eval.k (10)");
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")));
    }

    [Fact]
    public async Task Eval_ScoringARunShallowerThanAGate_ExitsTwoNamingTheGateAndTheRun()
    {
        _folder.Write("run.trec", "q1 Q0 passwords 1 0.9 test\nq1 Q0 refunds 2 0.5 test\nq2 Q0 refunds 1 0.8 test\n");
        _folder.Write("golden.json", """{"queries": [{"id": "q1", "query": "a", "expected_doc_ids": ["passwords"]}, {"id": "q2", "query": "b", "expected_doc_ids": ["refunds"]}]}""");

        var result = await EvalAsync(Config + "eval:\n  k: 20\nregression:\n  - metric: recall@5\n", "--run", "run.trec");

        AssertOneLineInputError(result, "raggate.yaml:6: regression[0]: recall@5 needs the top 5 documents, deeper than the depth of run.trec (2)");
    }

    [Fact]
    public async Task Eval_ConcurrencyAboveOneOnTheEmbeddedEngine_ExitsTwo()
    {
        var result = await EvalAsync(Config, "--concurrency", "1,4");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("eval.concurrency: more than one client needs an http target", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_DryRun_PricesAnUpperBoundOfTheRealRunWithoutCallingTheTarget()
    {
        var config = Config + "eval:\n  warmup: 0\n  repetitions: 2\n";

        var dry = await EvalAsync(config, "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Dry run: 3 queries x 2 repetitions x 1 concurrency levels + 0 warm-up = 6 requests; the target was not called.", dry.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")), "a dry run writes nothing");
        var estimated = long.Parse(PromptTokens().Match(dry.Stdout).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        var real = await EvalAsync(config);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "run.json")));
        var spent = run.RootElement.GetProperty("queries").EnumerateArray().Sum(q =>
            q.GetProperty("promptTokens").GetInt32() + q.GetProperty("repeats").EnumerateArray().Sum(r => r.GetProperty("promptTokens").GetInt32()));

        Assert.Equal(0, real.ExitCode);
        Assert.InRange(spent, 1, estimated);
    }

    [Fact]
    public async Task Eval_OverMaxCost_StopsRecordsHowFarItGotAndExitsOne()
    {
        var result = await EvalAsync(Config + "eval:\n  warmup: 0\n  repetitions: 3\n  max_cost: 0.0002\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("raggate: eval.max_cost: spent ", result.Stderr, StringComparison.Ordinal);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "run.json")));
        var stopped = run.RootElement.GetProperty("stopped").GetString()!;
        Assert.Matches(@"^eval\.max_cost: spent [0-9.]+ USD, over the budget of 0\.0002 USD; stopped after [1-8] of 9 measured requests$", stopped);
        Assert.True(run.RootElement.GetProperty("spent").GetDouble() > 0.0002);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "report.json")));
        var gate = Assert.Single(report.RootElement.GetProperty("gates").EnumerateArray(), g => g.GetProperty("name").GetString() == "eval.max_cost");
        Assert.False(gate.GetProperty("passed").GetBoolean());
        Assert.Equal(stopped, gate.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Eval_ExtractiveEngineRepeated_EveryRepetitionAgreesAndNoQueryIsFlaky()
    {
        var result = await EvalAsync(Config + "eval:\n  warmup: 1\n  repetitions: 3\n");

        Assert.Equal(0, result.ExitCode);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "run.json")));
        foreach (var query in run.RootElement.GetProperty("queries").EnumerateArray())
        {
            var repeats = query.GetProperty("repeats").EnumerateArray().ToList();
            Assert.Equal(2, repeats.Count);
            foreach (var repeat in repeats)
            {
                foreach (var field in new[] { "answer", "refused", "context", "promptTokens", "completionTokens", "contextTokens", "retrieved" })
                    Assert.True(JsonElement.DeepEquals(query.GetProperty(field), repeat.GetProperty(field)), $"{field} differs across repetitions");
            }
        }

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "report.json")));
        var queries = report.RootElement.GetProperty("scorecard").GetProperty("queries").EnumerateArray().ToList();
        Assert.All(queries, q => Assert.False(q.GetProperty("flaky").GetBoolean()));
        Assert.All(queries, q => Assert.Equal(3, q.GetProperty("repetitions").GetInt32()));
        Assert.Contains(report.RootElement.GetProperty("scorecard").GetProperty("metrics").EnumerateArray(), m => m.GetProperty("name").GetString() == "pass^k");
    }

    [GeneratedRegex(@"Prompt tokens \(at most\): ([0-9,]+)")]
    private static partial Regex PromptTokens();
}

using System.Text.Json;
using RagGate.Evaluation.Reporting;

namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// Issue 3's "done when", end to end through the real CLI: the sample's main config passes and writes
/// its reports; the harmful tiny-chunks config run against that baseline exits 1 and names the
/// queries that regressed; <c>raggate compare</c> shows the metric table with p-values.
/// </summary>
public sealed class EvalBaselineEndToEndTests : IClassFixture<EvalBaselineEndToEndTests.TwoEvals>
{
    private readonly TwoEvals _evals;

    public EvalBaselineEndToEndTests(TwoEvals evals) => _evals = evals;

    [Fact]
    public void Eval_SampleConfig_PassesAndWritesEveryReport()
    {
        var result = _evals.Base;
        Assert.True(result.ExitCode == 0, $"base eval exited {result.ExitCode}: {result.Stderr}\n{result.Stdout}");
        foreach (var file in new[] { "run.json", "report.md", "report.json", "junit.xml", "report.html" })
            Assert.True(File.Exists(Path.Combine(_evals.BaseOut, file)), file + " missing");
    }

    [Fact]
    public void Eval_TinyChunksAgainstBaseline_ExitsOneNamingRegressedQueriesAndKeywordCoverageGate()
    {
        var result = _evals.Candidate;
        Assert.True(result.ExitCode == 1, $"candidate eval exited {result.ExitCode}: {result.Stderr}");

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_evals.CandidateOut, "report.json")));
        var regressed = report.RootElement.GetProperty("comparison").GetProperty("regressions").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(regressed);
        Assert.Contains(regressed, id => result.Stdout.Contains(id, StringComparison.Ordinal));

        var keywordGate = report.RootElement.GetProperty("gates").EnumerateArray()
            .Single(g => g.GetProperty("mode").GetString() == "regression" && g.GetProperty("metric").GetString() == "keyword_coverage");
        Assert.False(keywordGate.GetProperty("passed").GetBoolean(), "the keyword_coverage regression gate should fail: " + keywordGate);
    }

    [Fact]
    public async Task Compare_BaseAndCandidateRuns_PrintsEveryMetricWithItsPValue()
    {
        Assert.True(_evals.Base.ExitCode == 0 && _evals.Candidate.ExitCode == 1, "both evals must have run");
        var reports = Path.Combine(_evals.Folder.Path, "compare");

        // Wide enough that no cell wraps, so each metric is one table row (redirected output is 80 columns otherwise).
        var result = await RaggateProcess.RunWithEnvironmentAsync(_evals.Folder.Path, new Dictionary<string, string> { ["COLUMNS"] = "200" }, "compare",
            Path.Combine(_evals.BaseOut, "run.json"), Path.Combine(_evals.CandidateOut, "run.json"), "--out", reports);

        Assert.True(result.ExitCode is 0 or 1, $"compare exited {result.ExitCode}: {result.Stderr}");
        // The comparison table: the rows after its header with as many cells (compare also prints the scorecard).
        var cells = result.Stdout.Split('\n').Select(l => l.Split('│').Select(c => c.Trim()).ToArray()).Where(c => c.Length > 2).ToList();
        var headerIndex = cells.FindIndex(c => c.Contains("Holm p"));
        Assert.True(headerIndex >= 0, "no comparison table:\n" + result.Stdout);
        var header = cells[headerIndex];
        var rows = cells.Skip(headerIndex + 1).TakeWhile(c => c.Length == header.Length).ToList();
        var (nameColumn, pColumn) = (Array.IndexOf(header, "Metric"), Array.IndexOf(header, "Holm p"));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "report.json")));
        var metrics = report.RootElement.GetProperty("comparison").GetProperty("metrics").EnumerateArray().ToList();
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "recall@10");
        Assert.Contains(metrics, m => m.GetProperty("name").GetString() == "keyword_coverage");
        foreach (var metric in metrics)
        {
            var name = metric.GetProperty("name").GetString()!;
            var row = rows.SingleOrDefault(c => c[nameColumn] == name);
            Assert.True(row is not null, $"no table row for {name}:\n{result.Stdout}");
            var gated = metric.GetProperty("gated").GetBoolean();
            Assert.Equal(gated ? ReportFormat.PValue(metric.GetProperty("adjustedPValue").GetDouble()) : "not gated", row[pColumn]);
        }
    }

    [Fact]
    public async Task Compare_WithoutConfig_AppliesTheRulesRecordedWithTheBaselineAndSaysSo()
    {
        Assert.True(_evals.Base.ExitCode == 0 && _evals.Candidate.ExitCode == 1, "both evals must have run");
        var reports = Path.Combine(_evals.Folder.Path, "compare-recorded");
        var baseRun = Path.Combine(_evals.BaseOut, "run.json");

        var result = await RaggateProcess.RunWithEnvironmentAsync(_evals.Folder.Path, new Dictionary<string, string> { ["COLUMNS"] = "400" }, "compare",
            baseRun, Path.Combine(_evals.CandidateOut, "run.json"), "--out", reports);

        Assert.True(result.ExitCode == 1, $"compare exited {result.ExitCode}: {result.Stderr}\n{result.Stdout}");
        Assert.Contains($"Rules applied (recorded in the baseline run {baseRun}): recall@10 max_drop 0.02 alpha 0.05; ndcg@10 max_drop 0.02 alpha 0.05; "
            + "keyword_coverage max_drop 0.05 alpha 0.05", result.Stdout.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "report.json")));
        var keywordGate = report.RootElement.GetProperty("gates").EnumerateArray()
            .Single(g => g.GetProperty("mode").GetString() == "regression" && g.GetProperty("metric").GetString() == "keyword_coverage");
        Assert.False(keywordGate.GetProperty("passed").GetBoolean(), "the recorded keyword_coverage rule should fail: " + keywordGate);
    }

    [Fact]
    public async Task Compare_RunWithItself_PIsOneWithAPositiveDetectableDrop()
    {
        Assert.True(_evals.Base.ExitCode == 0, "the base eval must have run");
        var reports = Path.Combine(_evals.Folder.Path, "compare-self");
        var baseRun = Path.Combine(_evals.BaseOut, "run.json");

        var result = await RaggateProcess.RunAsync(_evals.Folder.Path, "compare", baseRun, baseRun, "--out", reports);

        Assert.True(result.ExitCode == 0, $"compare exited {result.ExitCode}: {result.Stderr}\n{result.Stdout}");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "report.json")));
        var recall = report.RootElement.GetProperty("comparison").GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "recall@10");
        Assert.Equal(1.0, recall.GetProperty("pValue").GetDouble());
        Assert.Equal(1.0, recall.GetProperty("adjustedPValue").GetDouble());
        Assert.True(recall.GetProperty("minimumDetectableDrop").GetDouble() > 0, recall.ToString());
    }

    [Fact]
    public async Task Compare_BaselineWithoutRecordedRulesAndNoConfig_ExitsTwoInOneLine()
    {
        Assert.True(_evals.Base.ExitCode == 0, "the base eval must have run");
        var run = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_evals.BaseOut, "run.json")))!.AsObject();
        run.Remove("regressions");
        run.Remove("gates");
        var old = Path.Combine(_evals.Folder.Path, "old-run.json");
        File.WriteAllText(old, run.ToJsonString());

        var result = await RaggateProcess.RunAsync(_evals.Folder.Path, "compare", old, Path.Combine(_evals.CandidateOut, "run.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"raggate: {old}:regressions: ", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    /// <summary>
    /// The two slow evals, run once and shared: the sample copied to a temp folder (its config paths
    /// are relative, and the test must not write into the repository).
    /// </summary>
    public sealed class TwoEvals : IAsyncLifetime
    {
        internal TempFolder Folder { get; } = new();

        internal string BaseOut => Path.Combine(Folder.Path, "base");

        internal string CandidateOut => Path.Combine(Folder.Path, "cand");

        internal RaggateProcess.Result Base { get; private set; } = new(-1, "", "not run");

        internal RaggateProcess.Result Candidate { get; private set; } = new(-1, "", "not run");

        public async Task InitializeAsync()
        {
            var sample = Path.Combine(Folder.Path, "support-kb");
            RepoRoot.CopyFolder(RepoRoot.Combine("samples", "support-kb"), sample);
            foreach (var name in new[] { "raggate.yaml", "raggate.tiny-chunks.yaml" })
                FewerRepetitions(Path.Combine(sample, name));

            Base = await RaggateProcess.RunAsync(sample, "eval", "--config", "raggate.yaml", "--out", BaseOut);
            Candidate = await RaggateProcess.RunAsync(sample, "eval", "--config", "raggate.tiny-chunks.yaml",
                "--baseline", Path.Combine(BaseOut, "run.json"), "--out", CandidateOut);
        }

        public Task DisposeAsync()
        {
            Folder.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>
        /// Warm-up and repeated runs only steady the latency figures, which these tests do not check;
        /// one pass per query keeps the two evals to about a minute on two cores. Retrieval and answer
        /// metrics do not depend on repetitions.
        /// </summary>
        private static void FewerRepetitions(string config)
        {
            var text = File.ReadAllText(config);
            var edited = text.Replace("  warmup: 5\n", "  warmup: 0\n", StringComparison.Ordinal)
                .Replace("  repetitions: 3\n", "  repetitions: 1\n", StringComparison.Ordinal);
            Assert.True(edited != text && edited.Contains("repetitions: 1", StringComparison.Ordinal), config + ": eval settings not found to edit");
            File.WriteAllText(config, edited);
        }
    }
}

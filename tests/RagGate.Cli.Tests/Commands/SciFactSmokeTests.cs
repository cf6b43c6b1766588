using System.Globalization;
using System.Text.Json;

namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// CI smoke on a real benchmark (issue 4, item 6): <c>raggate eval</c> on a SciFact subset, end to end,
/// reports retrieval metrics equal to <c>raggate trec-eval</c> recomputing them from the exported TREC run
/// and the fixture's qrels. No threshold is tuned to the subset: the test compares two computations.
/// Tagged slow (about a minute on two cores): <c>--filter Category!=Slow</c> skips it locally; CI runs it.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SciFactSmokeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eval_SciFactSubset_MetricsEqualTrecEvalOnExportedRun()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "scifact-subset");
        _folder.Write("raggate.yaml", $"""
            version: 1
            name: scifact-subset
            corpus: {Path.Combine(fixture, "corpus.jsonl")}
            golden: {Path.Combine(fixture, "queries.jsonl")}
            index: index
            embedding:
              model: minilm-l6-v2
            chunking:
              mode: whole
            eval:
              k: 100
              warmup: 0
              answer: false
            """);

        var eval = await RaggateProcess.RunAsync(_folder.Path, "eval", "--config", "raggate.yaml", "--out", "out");
        Assert.True(eval.ExitCode == 0, $"eval exited {eval.ExitCode}: {eval.Stderr}");

        var reported = RetrievalMetrics(Path.Combine(_folder.Path, "out", "report.json"));
        Assert.Contains("recall@10", reported.Keys);
        Assert.Contains("ndcg@10", reported.Keys);
        Assert.True(reported.Count >= 4, "expected several retrieval metrics: " + string.Join(", ", reported.Keys));

        var qrels = Path.Combine(fixture, "qrels", "test.tsv");
        var run = Path.Combine(_folder.Path, "out", "run.trec");
        foreach (var (metric, value) in reported)
        {
            var expected = await TrecEvalAsync(metric, qrels, run);
            Assert.True(Math.Round(value, 4) == Math.Round(expected, 4), $"{metric}: report.json {value:0.0000}, trec-eval {expected:0.0000}");
        }
    }

    /// <summary>The retrieval metrics of report.json's scorecard, by name.</summary>
    private static Dictionary<string, double> RetrievalMetrics(string reportPath)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in report.RootElement.GetProperty("scorecard").GetProperty("metrics").EnumerateArray())
        {
            var name = metric.GetProperty("name").GetString()!;
            var baseName = name.Split('@')[0];
            if (baseName is "recall" or "precision" or "ndcg" or "mrr" or "map" or "success")
                metrics[name] = metric.GetProperty("value").GetDouble();
        }
        return metrics;
    }

    /// <summary>Runs <c>raggate trec-eval -c</c> for one metric in trec_eval's syntax and returns its <c>all</c> line.</summary>
    private async Task<double> TrecEvalAsync(string metric, string qrels, string run)
    {
        var parts = metric.Split('@');
        var cutoff = parts.Length == 2 ? parts[1] : null;
        string[] args = (parts[0], cutoff) switch
        {
            ("recall", { } k) => ["-m", "recall." + k],
            ("precision", { } k) => ["-m", "P." + k],
            ("ndcg", { } k) => ["-m", "ndcg_cut." + k],
            ("map", { } k) => ["-m", "map_cut." + k],
            ("map", null) => ["-m", "map"],
            ("success", { } k) => ["-m", "success." + k],
            ("mrr", { } k) => ["-M", k, "-m", "recip_rank"],
            ("mrr", null) => ["-m", "recip_rank"],
            _ => throw new InvalidOperationException("no trec_eval measure for " + metric),
        };
        var result = await RaggateProcess.RunAsync(_folder.Path, ["trec-eval", "-c", .. args, qrels, run]);
        Assert.True(result.ExitCode == 0, $"trec-eval exited {result.ExitCode}: {result.Stderr}");
        var all = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Single(fields => fields.Length == 3 && fields[1].Trim() == "all");
        return double.Parse(all[2], CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;

namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// <c>raggate eval</c> with a BM25-only config, end to end in a child process: the embedding model is
/// never loaded (not for the index, the answers or their scores), and warm-up progress says it is warm-up.
/// </summary>
public sealed class EvalBm25EndToEndTests : IDisposable
{
    private const string Golden = """
        {"queries": [
          {"query": "How do I reset my password?", "expected_doc_ids": ["passwords"], "expected_keywords": ["reset"]},
          {"query": "What is the refund window for annual plans?", "expected_doc_ids": ["refunds"], "expected_keywords": ["30 days"]},
          {"query": "Can I pay with cryptocurrency?", "expected_doc_ids": []}
        ]}
        """;

    private const string Config = "corpus: docs\ngolden: golden.json\nindex: index\nchunking:\n  mode: whole\nretrieval:\n  mode: bm25\n";

    private readonly TempFolder _folder = new();

    public EvalBm25EndToEndTests()
    {
        // Written as support FAQs are, so the questions' own words ("how do I", "my") are common in the corpus.
        _folder.Write("docs/passwords.md", "# How do I reset my password?\n\nOpen Settings and choose Reset password. We email you a link that expires after one hour.\n");
        _folder.Write("docs/refunds.md", "# How do I get my money back?\n\nAnnual plans can be refunded within 30 days of the charge. Monthly plans are not refunded.\n");
        _folder.Write("golden.json", Golden);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eval_Bm25Config_AnswersAndScoresWithoutTheEmbeddingModel()
    {
        _folder.Write("raggate.yaml", Config + "eval:\n  warmup: 0\n  repetitions: 1\n");

        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--config", "raggate.yaml", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "run.json")));
        Assert.Equal("none", run.RootElement.GetProperty("system").GetProperty("embeddingModel").GetString());
        var password = run.RootElement.GetProperty("queries").EnumerateArray().First();
        Assert.Contains("[passwords]", password.GetProperty("answer").GetString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "out", "report.json")));
        var metrics = report.RootElement.GetProperty("scorecard").GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("answer_rate", metrics);
        // Answer relevance is measured with the embedding model only: a BM25 config does not load it to score.
        Assert.DoesNotContain("answer_relevance", metrics);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "index", "manifest.json")));
        Assert.Equal(0, manifest.RootElement.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public async Task Eval_WithWarmUp_ProgressLinesLabelWarmUpApartFromTheMeasuredQueries()
    {
        _folder.Write("raggate.yaml", Config + "eval:\n  warmup: 2\n  repetitions: 1\n");

        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--config", "raggate.yaml", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var warmUp = Array.FindLastIndex(lines, l => l.StartsWith("Evaluating: 2/2 warm-up queries (", StringComparison.Ordinal));
        var measured = Array.FindIndex(lines, l => l.StartsWith("Evaluating: 3/3 queries (", StringComparison.Ordinal));
        Assert.True(warmUp >= 0, "no warm-up line in:\n" + result.Stderr);
        Assert.True(measured > warmUp, "the measured queries are not counted after the warm-up in:\n" + result.Stderr);
        Assert.DoesNotContain(lines, l => l.StartsWith("Evaluating: 2/2 queries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_PlainProgress_RateOnlyOnceThereIsAnIntervalToMeasure()
    {
        _folder.Write("raggate.yaml", Config + "eval:\n  warmup: 0\n  repetitions: 1\n");

        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--config", "raggate.yaml", "--out", "out");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("Evaluating: ", StringComparison.Ordinal)).ToList();
        // The first report starts the clock: a rate there would be work over no time (it printed 142222222.2 docs/s).
        Assert.Equal("Evaluating: 1/3 queries", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^Evaluating: [23]/3 queries \([0-9.]+ queries/s, ETA \d\d:\d\d\)$", l));
    }
}

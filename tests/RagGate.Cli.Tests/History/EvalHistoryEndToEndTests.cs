using System.Text.Json;

namespace RagGate.Cli.Tests.History;

/// <summary>
/// Issue 12's "done when" for run history, through the real CLI and embedded engine, once per store: runs recorded on
/// main and a feature branch are listed by <c>raggate history list</c>, and <c>--baseline last-passing:main</c>
/// picks the newest passing run of main, not the newer failed one.
/// </summary>
public abstract class EvalHistoryEndToEndTests : IDisposable
{
    private const string Golden = """
        {"queries": [
          {"id": "reset", "query": "How do I reset my password?", "expected_doc_ids": ["passwords"], "expected_keywords": ["reset"]},
          {"id": "refund", "query": "What is the refund window?", "expected_doc_ids": ["refunds"], "expected_keywords": ["30 days"]}
        ]}
        """;

    private const string Passing = "name: kb\ncorpus: docs\ngolden: golden.json\ngates:\n  - recall@10 >= 0.5\n";

    // A gate no real run can meet (an end-to-end p95 under a tenth of a microsecond), so the run fails honestly.
    private const string Failing = "name: kb\ncorpus: docs\ngolden: golden.json\ngates:\n  - recall@10 >= 0.5\n  - latency_p95_ms <= 0.0001\n";

    private readonly TempFolder _folder = new();

    protected EvalHistoryEndToEndTests()
    {
        _folder.Write("docs/passwords.md", "# Reset your password\n\nOpen Settings and choose Reset password. We email you a link that expires after one hour.\n");
        _folder.Write("docs/refunds.md", "# Refunds\n\nAnnual plans can be refunded within 30 days of the charge. Monthly plans are not refunded.\n");
        _folder.Write("golden.json", Golden);
        _folder.Write("passing.yaml", Passing);
        _folder.Write("failing.yaml", Failing);
    }

    /// <summary>The --store value of the test's empty history.</summary>
    protected abstract Task<string> StoreAsync();

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<RaggateProcess.Result> RunAsync(params string[] args) => RaggateProcess.RunAsync(_folder.Path, args);

    private Task<RaggateProcess.Result> EvalAsync(string config, string branch, string store, params string[] extra) =>
        RunAsync(["eval", "--config", config, "--out", "out-" + branch, "--branch", branch, "--store", store, .. extra]);

    [Fact]
    public async Task Eval_RunsOnMainAndAFeature_HistoryListsThemAndLastPassingMainPicksThePassingRun()
    {
        var store = await StoreAsync();

        var noBaseline = await EvalAsync("passing.yaml", "main", store, "--baseline", "last-passing:main");
        Assert.Equal(2, noBaseline.ExitCode);
        Assert.StartsWith("raggate: --baseline last-passing:main: no passing run on branch 'main' in ", Assert.Single(noBaseline.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        var first = await EvalAsync("passing.yaml", "main", store, "--baseline", "last-passing:main", "--baseline-optional");
        Assert.True(first.ExitCode == 0, $"first eval exited {first.ExitCode}: {first.Stderr}\n{first.Stdout}");
        var failed = await EvalAsync("failing.yaml", "main", store);
        Assert.True(failed.ExitCode == 1, $"failing eval exited {failed.ExitCode}: {failed.Stderr}");
        var feature = await EvalAsync("passing.yaml", "feature", store, "--baseline", "last-passing:main");
        Assert.True(feature.ExitCode == 0, $"feature eval exited {feature.ExitCode}: {feature.Stderr}\n{feature.Stdout}");

        var list = await RunAsync("history", "list", "--store", store, "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        using var runs = JsonDocument.Parse(list.Stdout);
        var rows = runs.RootElement.EnumerateArray().Select(r => (Id: r.GetProperty("id").GetInt64(), Branch: r.GetProperty("branch").GetString(), Passed: r.GetProperty("passed").GetBoolean())).ToList();
        Assert.Equal([("feature", true), ("main", false), ("main", true)], rows.Select(r => (r.Branch, r.Passed)));
        var passingMain = rows[2].Id;

        using var report = JsonDocument.Parse(File.ReadAllText(_folder.File("out-feature/report.json")));
        var notes = report.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.StartsWith($"Baseline: run {passingMain} from history (last-passing:main: branch main", notes[0], StringComparison.Ordinal);
        Assert.True(report.RootElement.TryGetProperty("comparison", out _), "the feature run was compared with the baseline");
        var markdown = File.ReadAllText(_folder.File("out-feature/report.md"));
        Assert.Contains("## Trend", markdown, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"trend\"", File.ReadAllText(_folder.File("out-feature/report.html")), StringComparison.Ordinal);

        var show = await RunAsync("history", "show", passingMain.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", store, "--print", "run");
        Assert.True(show.ExitCode == 0, show.Stderr);
        using var run = JsonDocument.Parse(show.Stdout);
        Assert.Equal(2, run.RootElement.GetProperty("queries").GetArrayLength());

        var prune = await RunAsync("history", "prune", "--store", store, "--keep", "1");
        Assert.True(prune.ExitCode == 0, prune.Stderr);
        Assert.StartsWith("Deleted 1 runs from ", prune.Stdout, StringComparison.Ordinal);
    }
}

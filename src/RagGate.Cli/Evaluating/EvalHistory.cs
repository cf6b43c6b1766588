using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.History;
using RagGate.History.Storage;

namespace RagGate.Cli.Evaluating;

/// <summary>
/// The run history's part in one <c>raggate eval</c>: a baseline named by history, and the run recorded with
/// the trend of each gated metric. The store is opened before any work, so a bad store fails in a second.
/// </summary>
internal sealed class EvalHistory : IAsyncDisposable
{
    private readonly IRunStore? store;
    private readonly bool record;
    private readonly BaselineSelector? selector;
    private string? baselineNote;

    private EvalHistory(IRunStore? store, bool record, BaselineSelector? selector, string? branch)
    {
        this.store = store;
        this.record = record;
        this.selector = selector;
        Branch = branch;
    }

    /// <summary>The branch runs are recorded under.</summary>
    public string? Branch { get; }

    /// <summary>True when <c>--baseline</c> names a run in history rather than a file.</summary>
    public bool BaselineFromHistory => selector is not null;

    /// <summary>
    /// Opens the store named by <paramref name="storeOption"/> or RAGGATE_STORE (runs are recorded there), or the
    /// default store when only the baseline needs one (nothing is recorded then).
    /// </summary>
    public static async Task<EvalHistory> OpenAsync(string? storeOption, string? baseline, string? branch, string folder, CancellationToken cancellationToken)
    {
        var named = RunStoreLocation.Named(storeOption);
        var selector = baseline is null ? null : BaselineSelector.TryParse(baseline);
        var location = named ?? (selector is null ? null : RunStoreLocation.NamedOrDefault(null));
        var store = location is null ? null : await RunStores.OpenAsync(location, cancellationToken);
        return new EvalHistory(store, named is not null, selector, branch ?? Hosting.ToolInfo.GitBranch(folder));
    }

    /// <summary>The baseline run from history; null with <paramref name="optional"/> when there is none (said on stderr).</summary>
    public async Task<Run?> ResolveBaselineAsync(bool optional, GoldenSet golden, CancellationToken cancellationToken)
    {
        var found = await selector!.ResolveAsync(store!, cancellationToken);
        if (found is null)
        {
            var message = $"--baseline {selector.Text}: {selector.Describe()} in {store!.Location}";
            if (!optional)
                throw new InputException($"{message}; expected a recorded run, or --baseline-optional to run without a baseline");
            await Console.Error.WriteLineAsync($"raggate: {message}; running without a baseline (--baseline-optional)");
            return null;
        }

        var source = $"{store!.Location} run {found.Id}";
        baselineNote = $"Baseline: run {found.Id} from history ({selector.Text}: branch {found.Branch ?? "none"}"
            + $"{(found.GitSha is { Length: >= 7 } sha ? ", commit " + sha[..7] : "")}, recorded {found.RecordedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC) in {store.Location}.";
        var run = RunFile.Parse(System.Text.Encoding.UTF8.GetBytes(found.RunJson!), source);
        RunCoverage.Require(run, source, golden);
        return run;
    }

    /// <summary>Says which run was the baseline, records the run (when a store was named) and fills the report's trend of each gated metric.</summary>
    public async Task FinishAsync(Run run, EvaluationReport report, EvaluationConfig config, CancellationToken cancellationToken)
    {
        if (baselineNote is not null)
            report.Notes.Insert(0, baselineNote);
        if (!record)
            return;
        var entry = await RunEntry.FromAsync(run, report, Branch, TimeProvider.System.GetUtcNow(), cancellationToken);
        var id = await store!.RecordAsync(entry, cancellationToken);
        var gated = config.Gates.Where(g => g.Category is null).Select(g => g.Metric).Concat(config.Regressions.Select(r => r.Metric));
        report.TrendBranch = Branch;
        report.Trends = await HistoryTrends.ReadAsync(store, Branch, gated, HistoryTrends.DefaultRuns, cancellationToken);
        report.Notes.Add($"Recorded as run {id} (branch {Branch ?? "none"}) in {store.Location}.");
    }

    public ValueTask DisposeAsync() => store?.DisposeAsync() ?? ValueTask.CompletedTask;
}

using System.Globalization;
using RagGate.History.Storage;

namespace RagGate.Cli.History;

/// <summary>How <c>raggate history</c> shows a recorded run's verdict and headline metrics.</summary>
internal static class StoredRunText
{
    // The metrics a listing shows when a run has them, in this order.
    private static readonly string[] ListedMetrics = ["recall@10", "ndcg@10", "keyword_coverage", "latency_p95_ms"];

    /// <summary>The verdict as Spectre markup, with the gate counts.</summary>
    public static string Verdict(StoredRun run) =>
        run.Passed ? $"[green]✔ passed[/] ({run.GatesTotal} gates)" : $"[red]✘ failed[/] ({run.GatesFailed} of {run.GatesTotal} gates)";

    /// <summary>The listed metrics the run has, as <c>name value</c> pairs.</summary>
    public static string Metrics(StoredRun run) =>
        string.Join("  ", ListedMetrics.Where(run.Metrics.ContainsKey).Select(m => $"{m} {run.Metrics[m].ToString("0.####", CultureInfo.InvariantCulture)}"));
}

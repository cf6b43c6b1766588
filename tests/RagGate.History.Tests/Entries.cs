using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;
using RagGate.History.Storage;

namespace RagGate.History.Tests;

/// <summary>Run entries for store tests: a real (small) run.json and the identity fields a store keeps.</summary>
internal static class Entries
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static RunEntry Make(string? branch, bool passed, double recall, int minute = 0, string? sha = null)
    {
        var run = new Run
        {
            ToolVersion = "1.2.3",
            StartedAt = Start.AddMinutes(minute),
            GitSha = sha,
            System = new SystemIdentity("support-kb", "minilm-l6-v2", "gpt-4o-mini", "dense", "cfg" + minute, "idx"),
            GoldenSet = "golden.json",
            TopK = 10,
            Queries = [new QueryRecord { Id = "q1", Query = "How do I reset my password?", Retrieved = [new RankedDocument("passwords", 0.9, 1)] }],
        };
        using var stream = new MemoryStream();
        RunFile.WriteToAsync(run, stream, CancellationToken.None).GetAwaiter().GetResult();
        return new RunEntry
        {
            RecordedAt = Start.AddMinutes(minute),
            Branch = branch,
            GitSha = sha,
            System = run.System,
            GoldenSet = run.GoldenSet,
            ToolVersion = run.ToolVersion,
            Passed = passed,
            GatesTotal = 3,
            GatesFailed = passed ? 0 : 1,
            Metrics = [new("recall@10", recall), new("latency_p95_ms", 120.5)],
            ReportJson = "{\"passed\": " + (passed ? "true" : "false") + "}\n",
            RunJson = System.Text.Encoding.UTF8.GetString(stream.ToArray()),
        };
    }
}

using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Running;

/// <summary>How to run a golden set against a target.</summary>
public sealed record RunOptions
{
    /// <summary>Documents retrieved per query for the retrieval metrics.</summary>
    public int K { get; init; } = 10;

    /// <summary>Queries run (and discarded) before measuring.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Measured rounds over the whole golden set; each gives every query one more repetition.</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>When false, only retrieval is run (no answers, tokens or end-to-end latency).</summary>
    public bool Answer { get; init; } = true;

    /// <summary>Concurrency levels: the first runs the scored rounds, each further one is measured for latency and throughput only.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1];

    /// <summary>Seed of the per-round shuffle of the query order.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Cost of one answer's usage; with <see cref="MaxCost"/> it stops a run over budget.</summary>
    public Func<TokenUsage, double>? CostOf { get; init; }

    /// <summary>Most money the run may spend (warm-up included), or null for no limit.</summary>
    public double? MaxCost { get; init; }

    /// <summary>Currency of <see cref="MaxCost"/>, for the stop reason.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>The tool version recorded in the run.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>The git commit recorded in the run, when known.</summary>
    public string? GitSha { get; init; }
}

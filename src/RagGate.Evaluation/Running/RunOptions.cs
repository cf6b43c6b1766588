namespace RagGate.Evaluation.Running;

/// <summary>How to run a golden set against a target.</summary>
public sealed record RunOptions
{
    /// <summary>Documents retrieved per query for the retrieval metrics.</summary>
    public int K { get; init; } = 10;

    /// <summary>Queries run (and discarded) before measuring.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Measured repetitions per query; each gives one latency sample.</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>When false, only retrieval is run (no answers, tokens or end-to-end latency).</summary>
    public bool Answer { get; init; } = true;

    /// <summary>The tool version recorded in the run.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>The git commit recorded in the run, when known.</summary>
    public string? GitSha { get; init; }
}

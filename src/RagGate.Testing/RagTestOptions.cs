using Microsoft.Extensions.AI;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Targets;

namespace RagGate.Testing;

/// <summary>How a <see cref="RagTestRun"/> queries the system and scores it (the settings of <c>raggate eval</c>).</summary>
public sealed record RagTestOptions
{
    /// <summary>Documents retrieved per query.</summary>
    public int K { get; init; } = 10;

    /// <summary>Warm-up queries before measuring (not scored).</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Measured repetitions per query; more give steadier latency percentiles.</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>Ask for answers too (false: retrieval only).</summary>
    public bool Answer { get; init; } = true;

    /// <summary>Metrics to compute beyond the defaults, for example <c>recall@20</c>.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>Markers, keyword depth, bootstrap and seed, as in raggate.yaml's <c>eval</c> section.</summary>
    public EvalSettings Eval { get; init; } = new();

    /// <summary>Embeddings for answer relevance and semantic groundedness; null leaves those two out.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; init; }

    /// <summary>The price of one answer's tokens; zero when not given.</summary>
    public Func<TokenUsage, double> CostOf { get; init; } = _ => 0;

    /// <summary>A clock for latency; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }
}

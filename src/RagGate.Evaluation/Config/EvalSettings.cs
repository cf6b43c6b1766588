namespace RagGate.Evaluation.Config;

/// <summary>How an evaluation runs: depth, warm-up, repetitions, statistics and answer checks.</summary>
public sealed record EvalSettings
{
    /// <summary>The reference pipeline's hallucination markers.</summary>
    public static readonly IReadOnlyList<string> DefaultHallucinationMarkers =
        ["I don't have information", "I cannot find", "As an AI", "I'm not sure but"];

    /// <summary>Phrases that mark a refusal.</summary>
    public static readonly IReadOnlyList<string> DefaultRefusalMarkers =
        ["I don't know", "does not cover", "I cannot find", "I don't have information", "cannot answer"];

    /// <summary>Golden set path (absolute).</summary>
    public string Golden { get; init; } = "";

    /// <summary>
    /// The BEIR split whose <c>qrels/&lt;split&gt;.tsv</c> judges the queries (train, dev, test);
    /// null: taken from a <c>queries_&lt;split&gt;.jsonl</c> file name, else <c>test</c>.
    /// </summary>
    public string? Split { get; init; }

    /// <summary>Documents retrieved per query for the retrieval metrics.</summary>
    public int K { get; init; } = 10;

    /// <summary>Queries run before measuring, to warm caches and JIT.</summary>
    public int Warmup { get; init; } = 3;

    /// <summary>Measured rounds over the whole golden set: each gives every query one more repetition (answer checks and a latency sample).</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>
    /// Concurrent clients: the first level runs the scored rounds, each further level is measured for
    /// latency and throughput only. Above 1 only for HTTP targets.
    /// </summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1];

    /// <summary>Most money a run may spend (price table currency); the run stops over it and fails. Null for no limit.</summary>
    public double? MaxCost { get; init; }

    /// <summary>When false, only retrieval is evaluated: no answers, tokens or end-to-end latency.</summary>
    public bool Answer { get; init; } = true;

    /// <summary>Seed for the bootstrap and randomization tests.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Bootstrap resamples for confidence intervals.</summary>
    public int BootstrapResamples { get; init; } = 2000;

    /// <summary>Top documents whose text must hold the expected keywords.</summary>
    public int KeywordContextDocuments { get; init; } = 5;

    /// <summary>Phrases that mark a refusal.</summary>
    public IReadOnlyList<string> RefusalMarkers { get; init; } = DefaultRefusalMarkers;

    /// <summary>Phrases that must not appear in an answer to an answerable query.</summary>
    public IReadOnlyList<string> HallucinationMarkers { get; init; } = DefaultHallucinationMarkers;

    /// <summary>Similarity an answer sentence needs with the context to count as grounded.</summary>
    public double GroundednessThreshold { get; init; } = 0.6;

    /// <summary>Price table override (absolute path), or null for the built-in table.</summary>
    public string? Prices { get; init; }
}

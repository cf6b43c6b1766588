namespace RagGate.Evaluation.Metrics.TrecEval;

/// <summary>What trec-eval computes: the measures and trec_eval's <c>-c</c> and <c>-M</c> behaviour.</summary>
public sealed record TrecEvalOptions
{
    /// <summary>The measures, in trec_eval's print order (see <see cref="TrecMeasure.ParseAll"/>).</summary>
    public required IReadOnlyList<TrecMeasure> Measures { get; init; }

    /// <summary><c>-c</c>: judged queries missing from the run count as zero instead of being skipped.</summary>
    public bool CompleteJudgments { get; init; }

    /// <summary><c>-M n</c>: only the top n ranked documents of each query are evaluated.</summary>
    public int? MaxDocumentsPerQuery { get; init; }
}

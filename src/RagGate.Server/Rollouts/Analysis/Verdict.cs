namespace RagGate.Server.Rollouts.Analysis;

/// <summary>A check's decision before the metric's conditions apply.</summary>
internal sealed record Verdict(AnalysisPhase Phase, double? Value, IReadOnlyDictionary<string, double> Result, string Test, double? PValue, string Reason)
{
    /// <summary>True when too few samples kept the check from any verdict: conditions are then not evaluated.</summary>
    public bool TooFewSamples { get; init; }

    public static Verdict Error(string reason) => new(AnalysisPhase.Error, null, new Dictionary<string, double>(), "", null, reason);
}

namespace RagGate.Evaluation.Statistics;

/// <summary>The outcome of a one-sided Mann-Whitney U test.</summary>
/// <param name="U">The U statistic of the first sample (pairs where it is larger, ties counting 1/2).</param>
/// <param name="Z">The continuity-corrected normal score of U.</param>
/// <param name="PValue">The one-sided p-value.</param>
public readonly record struct MannWhitneyResult(double U, double Z, double PValue);

namespace RagGate.Evaluation.Config;

/// <summary>
/// A regression rule against a baseline run: the gate fails when the metric got worse by more than
/// <see cref="MaxDrop"/> and the paired test says the drop is real (Holm-adjusted p below <see cref="Alpha"/>).
/// </summary>
public sealed record RegressionRule(string Metric, double MaxDrop, double Alpha, string Source);

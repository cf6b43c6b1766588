namespace RagGate.Evaluation.Comparing;

/// <summary>One metric, baseline against candidate, with a paired test.</summary>
public sealed class MetricComparison
{
    /// <summary>Metric name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Baseline mean.</summary>
    public double Baseline { get; set; }

    /// <summary>Candidate mean.</summary>
    public double Candidate { get; set; }

    /// <summary>Candidate minus baseline.</summary>
    public double Delta => Candidate - Baseline;

    /// <summary>Lower end of the bootstrap interval of the paired delta (level: <see cref="IntervalConfidence"/>).</summary>
    public double DeltaLower { get; set; }

    /// <summary>Upper end of the bootstrap interval of the paired delta.</summary>
    public double DeltaUpper { get; set; }

    /// <summary>
    /// Two-sided level of the delta interval, 1 - 2·alpha/m (m: the regression rules; 1 for an ungated metric), so
    /// its worse-side end is the one-sided bound that agrees with the test at the corrected level.
    /// </summary>
    public double IntervalConfidence { get; set; } = 0.9;

    /// <summary>One-sided p-value of the paired randomization test of "the candidate is worse".</summary>
    public double PValue { get; set; }

    /// <summary>p-value after Holm correction across the regression rules; equal to <see cref="PValue"/> for an ungated metric.</summary>
    public double AdjustedPValue { get; set; }

    /// <summary>True when a regression rule gates this metric (it is in the Holm family).</summary>
    public bool Gated { get; set; }

    /// <summary>The alpha the row was tested at: its regression rule's, or 0.05 for an ungated metric.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Why the interval and the p-value seem to disagree, when they do; null otherwise.</summary>
    public string? Note { get; set; }

    /// <summary>Queries where the candidate scored higher.</summary>
    public int Wins { get; set; }

    /// <summary>Queries with equal scores.</summary>
    public int Ties { get; set; }

    /// <summary>Queries where the candidate scored lower.</summary>
    public int Losses { get; set; }

    /// <summary>Smallest drop the paired queries detect with 80% power at <see cref="Alpha"/> (one-sided), from the candidate's per-query spread.</summary>
    public double MinimumDetectableDrop { get; set; }

    /// <summary>True when a larger value is better.</summary>
    public bool HigherIsBetter { get; set; } = true;
}

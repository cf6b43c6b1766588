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

    /// <summary>Lower end of the 95% bootstrap interval of the paired delta.</summary>
    public double DeltaLower { get; set; }

    /// <summary>Upper end of the 95% bootstrap interval of the paired delta.</summary>
    public double DeltaUpper { get; set; }

    /// <summary>Two-sided p-value of the paired randomization test.</summary>
    public double PValue { get; set; }

    /// <summary>p-value after Holm correction across the compared metrics.</summary>
    public double AdjustedPValue { get; set; }

    /// <summary>Queries where the candidate scored higher.</summary>
    public int Wins { get; set; }

    /// <summary>Queries with equal scores.</summary>
    public int Ties { get; set; }

    /// <summary>Queries where the candidate scored lower.</summary>
    public int Losses { get; set; }

    /// <summary>Smallest drop this golden set detects with 80% power at alpha 0.05.</summary>
    public double MinimumDetectableDrop { get; set; }

    /// <summary>True when a larger value is better.</summary>
    public bool HigherIsBetter { get; set; } = true;
}

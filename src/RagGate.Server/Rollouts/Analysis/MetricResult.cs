using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>One metric's measurements so far and the counters Argo Rollouts keeps, filled as measurements arrive.</summary>
public sealed class MetricResult(MetricSpec metric)
{
    private readonly List<Measurement> _measurements = [];

    /// <summary>The metric measured.</summary>
    public MetricSpec Metric { get; } = metric;

    /// <summary>Pending, Running, or the phase it completed with.</summary>
    public AnalysisPhase Phase { get; internal set; } = AnalysisPhase.Pending;

    /// <summary>Every measurement, oldest first.</summary>
    public IReadOnlyList<Measurement> Measurements => _measurements;

    /// <summary>Measurements that count toward <c>count</c>: every phase but Error, as in Argo.</summary>
    public int Count { get; private set; }

    /// <summary>Successful measurements.</summary>
    public int Successful { get; private set; }

    /// <summary>Failed measurements.</summary>
    public int Failed { get; private set; }

    /// <summary>Inconclusive measurements.</summary>
    public int Inconclusive { get; private set; }

    /// <summary>Errored measurements.</summary>
    public int Errors { get; private set; }

    /// <summary>Errors since the last measurement that was not one.</summary>
    public int ConsecutiveErrors { get; private set; }

    /// <summary>True once the metric has a final phase.</summary>
    public bool Completed => Phase is not (AnalysisPhase.Pending or AnalysisPhase.Running);

    internal void Add(Measurement measurement)
    {
        _measurements.Add(measurement);
        if (measurement.Phase == AnalysisPhase.Error)
        {
            Errors++;
            ConsecutiveErrors++;
            return;
        }
        Count++;
        ConsecutiveErrors = 0;
        switch (measurement.Phase)
        {
            case AnalysisPhase.Successful: Successful++; break;
            case AnalysisPhase.Failed: Failed++; break;
            case AnalysisPhase.Inconclusive: Inconclusive++; break;
            default: throw new ArgumentException($"A measurement's phase is Successful, Failed, Inconclusive or Error, not {measurement.Phase}.", nameof(measurement));
        }
    }
}

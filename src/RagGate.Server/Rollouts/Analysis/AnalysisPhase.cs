namespace RagGate.Server.Rollouts.Analysis;

/// <summary>The phase of a measurement, a metric or an analysis run, with Argo Rollouts' names and meanings.</summary>
public enum AnalysisPhase
{
    /// <summary>Nothing measured yet.</summary>
    Pending,

    /// <summary>Measuring.</summary>
    Running,

    /// <summary>Passed.</summary>
    Successful,

    /// <summary>Too little evidence for a verdict (too few samples, or neither condition met); a rollout pauses for a person.</summary>
    Inconclusive,

    /// <summary>The measurement could not be taken (the revision did not answer, the data was unusable); repeated errors roll back.</summary>
    Error,

    /// <summary>Failed: the canary is worse; a rollout rolls back.</summary>
    Failed,
}

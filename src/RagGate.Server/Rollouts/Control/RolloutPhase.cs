namespace RagGate.Server.Rollouts.Control;

/// <summary>The phase of a rollout, with Argo Rollouts' names.</summary>
public enum RolloutPhase
{
    /// <summary>Moving through the steps.</summary>
    Progressing,

    /// <summary>Waiting: a timed pause, a pause until promoted, or an inconclusive analysis.</summary>
    Paused,

    /// <summary>Finished: the canary was promoted and is the stable revision now.</summary>
    Healthy,

    /// <summary>Finished: the canary was rolled back (failed analysis, abort, crash); stable serves everything.</summary>
    Degraded,
}

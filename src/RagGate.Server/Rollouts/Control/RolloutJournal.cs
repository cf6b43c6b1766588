namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Everything a controller needs to resume after a crash and a person needs to see what happened: the
/// revision history, the rollout in progress (phase, step, weight, child processes) and every event.
/// Written whole, atomically and durably, after every change (<see cref="JournalStore"/>).
/// </summary>
public sealed class RolloutJournal
{
    /// <summary>The rollout's name from the spec.</summary>
    public string Name { get; set; } = "";

    /// <summary>The spec file of the latest rollout.</summary>
    public string Spec { get; set; } = "";

    /// <summary>Every revision, oldest first.</summary>
    public List<RevisionRecord> Revisions { get; set; } = [];

    /// <summary>The phase of the latest rollout.</summary>
    public RolloutPhase Phase { get; set; } = RolloutPhase.Progressing;

    /// <summary>The revision number the latest rollout brings in.</summary>
    public int CanaryRevision { get; set; }

    /// <summary>The index of the step in progress (the number of steps once all are done).</summary>
    public int Step { get; set; }

    /// <summary>The canary's share of traffic now, in percent.</summary>
    public double Weight { get; set; }

    /// <summary>When the step in progress started (a timed pause resumes with the time left).</summary>
    public DateTimeOffset StepStartedAt { get; set; }

    /// <summary>Why the rollout ended Degraded (the failed analysis, abort), or null.</summary>
    public string? Reason { get; set; }

    /// <summary>Process ids of the revisions the controller started, so a restarted controller can stop orphans.</summary>
    public List<int> ProcessIds { get; set; } = [];

    /// <summary>The loopback address of the running controller's admin endpoint, or null when none runs.</summary>
    public string? AdminUrl { get; set; }

    /// <summary>The router's address while the rollout runs.</summary>
    public string? RouterUrl { get; set; }

    /// <summary>Every event, oldest first.</summary>
    public List<JournalEvent> Events { get; set; } = [];

    /// <summary>True when the latest rollout has ended (Healthy or Degraded).</summary>
    public bool Finished => Phase is RolloutPhase.Healthy or RolloutPhase.Degraded;

    /// <summary>The revision serving all traffic when no rollout is in progress.</summary>
    public RevisionRecord? StableRevision => Revisions.LastOrDefault(r => r.Status == RevisionRecord.Stable);
}

namespace RagGate.Server.Rollouts.Control;

/// <summary>One entry of a rollout's history: when, what kind, and what happened in words.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Revision">The revision number the rollout was bringing in.</param>
/// <param name="Kind">step, analysis, pause, promote, rollback, abort, undo, resume, error.</param>
/// <param name="Message">What happened.</param>
public sealed record JournalEvent(DateTimeOffset At, int Revision, string Kind, string Message);

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// One golden query probed on both revisions (with <c>X-Canary: never</c> for the control and
/// <c>X-Canary: always</c> for the canary): the pair the quality measure compares.
/// </summary>
/// <param name="QueryId">The golden query's id.</param>
/// <param name="Control">Stable's (or the baseline's) outcome.</param>
/// <param name="Canary">The canary's outcome.</param>
public sealed record ProbePair(string QueryId, ProbeOutcome Control, ProbeOutcome Canary);

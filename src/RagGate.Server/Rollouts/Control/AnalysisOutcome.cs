namespace RagGate.Server.Rollouts.Control;

/// <summary>An analysis step's verdict as the controller acts on it, with the lines kept in the history.</summary>
/// <param name="Verdict">Successful goes on; Failed and Error roll back; Inconclusive pauses for a person.</param>
/// <param name="Summary">One line: which template and metric decided, and why.</param>
/// <param name="Details">One line per measurement (value, test, p-value, reason).</param>
public sealed record AnalysisOutcome(AnalysisVerdict Verdict, string Summary, IReadOnlyList<string> Details);

namespace RagGate.Evaluation.Reporting;

/// <summary>A metric's value in one recorded run.</summary>
/// <param name="RunId">The run's id in the history store.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Passed">Whether that run passed every gate.</param>
/// <param name="GitSha">The run's commit, when known.</param>
public sealed record TrendPoint(long RunId, double Value, bool Passed, string? GitSha);

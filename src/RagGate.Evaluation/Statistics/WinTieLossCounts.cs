namespace RagGate.Evaluation.Statistics;

/// <summary>Per-query outcome counts of a candidate against a baseline.</summary>
/// <param name="Wins">Queries where the candidate scored higher by more than epsilon.</param>
/// <param name="Ties">Queries within epsilon.</param>
/// <param name="Losses">Queries where the candidate scored lower by more than epsilon.</param>
public readonly record struct WinTieLossCounts(int Wins, int Ties, int Losses);

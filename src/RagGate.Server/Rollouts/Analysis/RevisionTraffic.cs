namespace RagGate.Server.Rollouts.Analysis;

/// <summary>One revision's requests in a measurement window, as the router counted them.</summary>
/// <param name="Requests">Requests answered (or failed) in the window.</param>
/// <param name="Errors">Requests that failed: a 5xx status, a timeout or a refused connection.</param>
/// <param name="LatenciesMs">The latency of each request in milliseconds (failed ones included).</param>
public sealed record RevisionTraffic(int Requests, int Errors, IReadOnlyList<double> LatenciesMs);

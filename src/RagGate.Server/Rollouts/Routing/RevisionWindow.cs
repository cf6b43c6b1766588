namespace RagGate.Server.Rollouts.Routing;

/// <summary>What one revision served over a span of time, for the judge: counts and every latency.</summary>
/// <param name="Revision">The revision.</param>
/// <param name="Requests">Requests answered.</param>
/// <param name="Errors">Of which with status 500 or above.</param>
/// <param name="LatenciesMs">Each request's latency, in the order they ended.</param>
public sealed record RevisionWindow(string Revision, int Requests, int Errors, IReadOnlyList<double> LatenciesMs)
{
    /// <summary>Errors over requests; 0 when there were none.</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;
}

namespace RagGate.Evaluation.Comparing;

/// <summary>A query the comparison could not pair (added, removed, or its text changed), left out of the statistics.</summary>
/// <param name="Id">The query id.</param>
/// <param name="Query">The query text (the golden set's, or the run's for a removed query).</param>
/// <param name="Reason">Why it was not paired, in a few words.</param>
public sealed record UnpairedQuery(string Id, string Query, string Reason);

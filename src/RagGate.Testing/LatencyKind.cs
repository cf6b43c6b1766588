namespace RagGate.Testing;

/// <summary>Which latency an assertion reads.</summary>
public enum LatencyKind
{
    /// <summary>Retrieval alone (the reference's 500 ms budget).</summary>
    Retrieval,

    /// <summary>The whole answer, retrieval included (the reference's 3 s budget).</summary>
    EndToEnd,
}

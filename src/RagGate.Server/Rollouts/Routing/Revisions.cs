namespace RagGate.Server.Rollouts.Routing;

/// <summary>The revisions a rollout routes between; the names are the router's destination ids and metric tags.</summary>
public static class Revisions
{
    /// <summary>The revision users are on before and after a rollout.</summary>
    public const string Stable = "stable";

    /// <summary>The new revision under test.</summary>
    public const string Canary = "canary";

    /// <summary>A fresh copy of stable started with the canary, so the judge compares like with like.</summary>
    public const string Baseline = "baseline";
}

namespace RagGate.Server.Rollouts.Control;

/// <summary>What the controller does after an analysis step.</summary>
public enum AnalysisVerdict
{
    /// <summary>Go on to the next step.</summary>
    Successful,

    /// <summary>Pause until a person promotes or aborts.</summary>
    Inconclusive,

    /// <summary>Roll back: the canary is worse.</summary>
    Failed,

    /// <summary>Roll back: the measurements could not be taken (too many errors in a row).</summary>
    Error,
}

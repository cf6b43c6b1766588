namespace RagGate.Server.Rollouts.Analysis;

/// <summary>One golden probe's score on one revision: recall@k and the answer check, or why it could not be scored.</summary>
/// <param name="RecallAtK">Recall@k of the retrieved documents against the golden query's expected ones, in [0, 1].</param>
/// <param name="AnswerPassed">Whether the answer passed the golden query's checks (keywords, refusal); null when not checked.</param>
/// <param name="Error">Why the probe failed (status, timeout); null when it was scored.</param>
public sealed record ProbeOutcome(double RecallAtK, bool? AnswerPassed, string? Error = null)
{
    /// <summary>A probe that got no usable answer.</summary>
    public static ProbeOutcome Failed(string error) => new(double.NaN, null, error);

    /// <summary>True when the probe was scored.</summary>
    public bool Scored => Error is null;
}

namespace RagGate.Evaluation.AnswerQuality;

/// <summary>The answer checks the scorer applies to one answer, shared with the evaluators of RagGate.Testing.</summary>
public static class AnswerChecks
{
    /// <summary>
    /// The system's own refusal signal when it gave one; otherwise (null) whether the answer holds one of
    /// <paramref name="refusalMarkers"/>.
    /// </summary>
    public static bool IsRefusal(string answer, bool? refusedBySystem, IEnumerable<string> refusalMarkers) =>
        refusedBySystem ?? TextChecks.FindMarkers(answer, refusalMarkers).Count > 0;

    /// <summary>True when an answer that is not a refusal holds at least one of the expected keywords (case-insensitive).</summary>
    public static bool KeywordHit(string answer, bool refused, IEnumerable<string> expectedKeywords) =>
        !refused && expectedKeywords.Any(k => TextChecks.Contains(answer, k));
}

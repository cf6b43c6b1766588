namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// <c>analysis: {templates: [{templateName: x}]}</c>: run the named templates' metrics together and wait for
/// their verdict (Argo's inline analysis); a failed or errored analysis rolls back.
/// </summary>
/// <param name="Templates">The names of the analysis templates to run, each defined in the spec.</param>
public sealed record AnalysisStep(IReadOnlyList<string> Templates) : RolloutStep;

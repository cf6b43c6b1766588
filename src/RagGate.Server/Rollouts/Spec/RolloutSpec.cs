namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// A canary rollout: which revisions, the Argo Rollouts canary steps, the analysis templates those steps
/// name, the traffic that feeds the analysis, the judge's settings and who hears about it. Read by
/// <see cref="RolloutSpecLoader"/>; the embedded controller runs it and the Argo export maps it.
/// </summary>
public sealed record RolloutSpec
{
    /// <summary>The spec file's absolute path.</summary>
    public required string Path { get; init; }

    /// <summary>The rollout's name (also the Kubernetes object name on export).</summary>
    public required string Name { get; init; }

    /// <summary>The stable revision, the canary and whether a baseline copy of stable is started.</summary>
    public required RevisionsSpec Revisions { get; init; }

    /// <summary>The canary steps, in order, as Argo Rollouts' <c>strategy.canary.steps</c>.</summary>
    public required IReadOnlyList<RolloutStep> Steps { get; init; }

    /// <summary>The analysis templates the steps name, by name.</summary>
    public required IReadOnlyList<AnalysisTemplateSpec> AnalysisTemplates { get; init; }

    /// <summary>Generated traffic through the router when there are no users; null for none.</summary>
    public TrafficSpec? Traffic { get; init; }

    /// <summary>How the judge decides each measurement.</summary>
    public JudgeSettings Judge { get; init; } = new();

    /// <summary>Where promote, pause and rollback are announced.</summary>
    public NotificationSettings Notifications { get; init; } = new();

    /// <summary>Settings used only by the Argo Rollouts export.</summary>
    public ArgoExportSettings Argo { get; init; } = new();

    /// <summary>The template named <paramref name="name"/>; the loader has checked every name a step uses.</summary>
    public AnalysisTemplateSpec Template(string name) =>
        AnalysisTemplates.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No analysis template named '{name}'.");
}

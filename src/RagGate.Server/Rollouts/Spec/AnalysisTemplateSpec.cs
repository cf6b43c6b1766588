namespace RagGate.Server.Rollouts.Spec;

/// <summary>An analysis template: named metrics measured together (Argo's <c>AnalysisTemplate.spec.metrics</c>).</summary>
public sealed record AnalysisTemplateSpec
{
    /// <summary>The name steps use in <c>templateName</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The metrics, at least one, with distinct names.</summary>
    public required IReadOnlyList<MetricSpec> Metrics { get; init; }
}

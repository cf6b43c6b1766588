namespace RagGate.Server.Rollouts.Spec;

/// <summary>What the Argo Rollouts export needs that the embedded controller does not: the image, ports and Prometheus.</summary>
public sealed record ArgoExportSettings
{
    /// <summary>The container image holding raggate and the revision's config.</summary>
    public string Image { get; init; } = "raggate:latest";

    /// <summary>The port <c>raggate serve</c> listens on in the pod.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Pods of the Rollout.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>The Prometheus server the errors and latency metrics query.</summary>
    public Uri Prometheus { get; init; } = new("http://prometheus.monitoring.svc:9090");
}

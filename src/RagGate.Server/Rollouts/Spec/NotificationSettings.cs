namespace RagGate.Server.Rollouts.Spec;

/// <summary>Where rollout events (promote, pause, rollback) are posted, in Slack's incoming-webhook JSON.</summary>
public sealed record NotificationSettings
{
    /// <summary>The webhook URL, or null for no notifications.</summary>
    public Uri? Webhook { get; init; }
}

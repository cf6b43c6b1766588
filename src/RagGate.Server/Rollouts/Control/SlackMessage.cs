namespace RagGate.Server.Rollouts.Control;

/// <summary>The body of a Slack incoming webhook: the text shown in the channel.</summary>
/// <param name="Text">The message (Slack's mrkdwn).</param>
public sealed record SlackMessage(string Text);

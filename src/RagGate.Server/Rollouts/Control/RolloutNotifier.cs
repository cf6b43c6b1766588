namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Posts promote, pause and rollback to a webhook in Slack's incoming-webhook JSON (<c>{"text": ...}</c>).
/// A notification that cannot be delivered is logged and never stops the rollout.
/// </summary>
public sealed class RolloutNotifier(Uri? webhook, ILogger logger) : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Posts <paramref name="text"/>; a no-op without a webhook.</summary>
    public async Task NotifyAsync(string text, CancellationToken cancellationToken)
    {
        if (webhook is null) return;
        try
        {
            using var response = await _client.PostAsJsonAsync(webhook, new SlackMessage(text), ControlJsonContext.Default.SlackMessage, cancellationToken);
            if (!response.IsSuccessStatusCode) ControlLog.NotifyFailed(logger, webhook, $"status {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            ControlLog.NotifyFailed(logger, webhook, e.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}

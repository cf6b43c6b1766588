namespace RagGate.Server.Rollouts.Control;

/// <summary>The controller's log lines, source-generated.</summary>
internal static partial class ControlLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Kind}: {Message}")]
    public static partial void Event(ILogger logger, string kind, string message);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Notification to {Webhook} failed: {Reason}")]
    public static partial void NotifyFailed(ILogger logger, Uri webhook, string reason);
}

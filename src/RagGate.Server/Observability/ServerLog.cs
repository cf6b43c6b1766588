namespace RagGate.Server.Observability;

/// <summary>The server's log lines, source-generated.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} {ElapsedMs:0.0} ms")]
    public static partial void Request(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Embedding {Done}/{Total}")]
    public static partial void Embedding(ILogger logger, int done, int total);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Ready: {Documents} documents, {Chunks} chunks, {Model}, loaded and warm in {Seconds:0.0} s")]
    public static partial void Ready(ILogger logger, int documents, int chunks, string model, double seconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "Cannot load the index: {Reason}")]
    public static partial void LoadFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Reloaded: index {IndexHash} swapped in")]
    public static partial void Reloaded(ILogger logger, string indexHash);

    [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "Crashing on purpose: faults.crash_after_requests is {Limit}")]
    public static partial void Crashing(ILogger logger, int limit);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Faults injected: error rate {ErrorRate}, latency {LatencyMs} ms, crash after {CrashAfter} requests")]
    public static partial void FaultsOn(ILogger logger, double errorRate, double latencyMs, string crashAfter);
}

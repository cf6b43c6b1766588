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
}

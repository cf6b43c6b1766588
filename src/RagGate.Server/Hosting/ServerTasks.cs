using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation;

namespace RagGate.Server.Hosting;

/// <summary>
/// The two one-shot tasks of the published server: <c>--prepare</c> builds the index and the answer
/// sentence vectors ahead of time (the image's build stage, so the container starts on a ready
/// index), and <c>--probe URL</c> is the container's health check (the runtime image has no curl).
/// </summary>
internal static class ServerTasks
{
    public static async Task<int> PrepareAsync(string configPath, CancellationToken cancellationToken)
    {
        var config = RagGateConfigLoader.Load(configPath);
        using var engine = await RagEngine.OpenAsync(config, null, null, cancellationToken);
        await engine.Pipeline.QueryWithUsageAsync(EngineLoader.WarmupQuery, cancellationToken);
        Console.WriteLine($"Prepared {config.Engine.Index}: {engine.Index.Manifest.DocumentCount} documents, {engine.Index.Manifest.ChunkCount} chunks, {engine.Embedder?.Model.Id ?? "no embedding model (BM25 only)"}.");
        return ServerExitCodes.Success;
    }

    public static async Task<int> ProbeAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new InputException($"--probe: '{url}' is not a URL; expected e.g. http://127.0.0.1:8080/readyz");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}

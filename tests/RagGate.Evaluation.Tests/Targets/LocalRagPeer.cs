using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RagGate.Evaluation.Tests.Targets;

/// <summary>
/// A local protocol peer, not a RAG system: an HttpListener on 127.0.0.1 that speaks the JSON contract
/// of docs/http-target.md, records every request body, and answers with the JSON a test scripted
/// (or with a status code), so the tests check the wire format HttpRagTarget sends and reads.
/// </summary>
internal sealed class LocalRagPeer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalRagPeer(Func<string, JsonElement, (int Status, string Body)> respond)
    {
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/rag/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(respond));
    }

    public Uri BaseUrl { get; }

    /// <summary>Every request received: method, path below the base URL, content type and JSON body.</summary>
    public ConcurrentQueue<(string Method, string Path, string? ContentType, JsonElement Body)> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync(Func<string, JsonElement, (int Status, string Body)> respond)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            var path = context.Request.Url!.AbsolutePath[BaseUrl.AbsolutePath.Length..];
            Requests.Enqueue((context.Request.HttpMethod, path, context.Request.ContentType, body));
            var (status, text) = respond(path, body);
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace RagGate.Engine.Tests.Answering;

/// <summary>
/// A local HTTP peer on 127.0.0.1 that speaks the OpenAI chat-completions wire format
/// (POST /v1/chat/completions). It is a protocol peer, not a model: it records each request and
/// replies with the content and usage the test sets.
/// </summary>
internal sealed class ChatCompletionsProtocolPeer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private ChatCompletionsProtocolPeer(HttpListener listener, int port)
    {
        _listener = listener;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public string ReplyContent { get; set; } = "";

    /// <summary>The usage to report, or null to leave the usage object out of the reply.</summary>
    public (int Prompt, int Completion)? ReplyUsage { get; set; }

    public List<RecordedRequest> Requests { get; } = [];

    public static ChatCompletionsProtocolPeer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new ChatCompletionsProtocolPeer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding; try another.
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
                Requests.Add(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
            var found = context.Request.HttpMethod == "POST" && context.Request.Url.AbsolutePath == "/v1/chat/completions";
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            var reply = Encoding.UTF8.GetBytes(found ? Completion(body) : """{"error":{"message":"not found"}}""");
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }

    private string Completion(string requestBody)
    {
        var model = JsonNode.Parse(requestBody)?["model"]?.GetValue<string>() ?? "";
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-protocol-peer-1",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ReplyContent },
                ["finish_reason"] = "stop",
            }),
        };
        if (ReplyUsage is { } usage)
        {
            completion["usage"] = new JsonObject
            {
                ["prompt_tokens"] = usage.Prompt,
                ["completion_tokens"] = usage.Completion,
                ["total_tokens"] = usage.Prompt + usage.Completion,
            };
        }

        return completion.ToJsonString();
    }

    public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);
}

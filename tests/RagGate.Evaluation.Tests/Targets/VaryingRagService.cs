using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RagGate.Evaluation.Tests.Targets;

/// <summary>
/// A scripted nondeterministic RAG service: a real HttpListener on 127.0.0.1 speaking the contract of
/// docs/http-target.md that serves requests concurrently, waits <c>delay</c> per answer, counts the
/// most requests it held at once, and answers the n-th call for a query with the script's text
/// for (query, n), so a test can make a system that answers differently each time.
/// </summary>
internal sealed class VaryingRagService : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Func<string, int, string> _answer;
    private readonly TimeSpan _delay;
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();
    private int _inFlight;

    public VaryingRagService(Func<string, int, string> answer, TimeSpan delay)
    {
        _answer = answer;
        _delay = delay;
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}/rag/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>The most requests being served at the same time since the last reset.</summary>
    public int PeakInFlight { get; private set; }

    /// <summary>The queries of the answer calls, in arrival order.</summary>
    public IReadOnlyList<string> AnswerOrder
    {
        get { lock (_gate) return [.. _order]; }
    }

    public void ResetPeak()
    {
        lock (_gate) PeakInFlight = 0;
    }

    public void Dispose()
    {
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { break; }
            handlers.Add(Task.Run(() => HandleAsync(context)));
        }

        await Task.WhenAll(handlers);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        lock (_gate) PeakInFlight = Math.Max(PeakInFlight, ++_inFlight);
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var query = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.GetProperty("query").GetString()!;
            var path = context.Request.Url!.AbsolutePath[BaseUrl.AbsolutePath.Length..];
            var documents = new[] { new { id = $"{query}-doc", score = 1.0, rank = 1, text = $"{query}: refunds take 14 days." } };
            string body;
            if (path == "retrieve")
            {
                body = JsonSerializer.Serialize(new { documents });
            }
            else
            {
                int call;
                lock (_gate)
                {
                    call = _calls[query] = _calls.GetValueOrDefault(query) + 1;
                    _order.Add(query);
                }

                await Task.Delay(_delay);
                body = JsonSerializer.Serialize(new
                {
                    answer = _answer(query, call),
                    documents,
                    context = $"{query}: refunds take 14 days.",
                    usage = new { promptTokens = 100, completionTokens = 10, contextTokens = 40 },
                    refused = false,
                    retrievalMs = 1.0,
                });
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The listener was closed while the request was in flight.
        }
        finally
        {
            lock (_gate) _inFlight--;
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RagGate.Server.Hosting;

namespace RagGate.Server.Tests.Rollouts.Control;

/// <summary>A local webhook receiver on 127.0.0.1 (a real Kestrel server) that keeps every body posted to it.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<(string ContentType, string Body)> Posts { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var app = LoopbackApp.CreateBuilder().Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            receiver!.Posts.Enqueue((request.ContentType ?? "", await reader.ReadToEndAsync()));
            return Results.Text("ok");
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app, new Uri(LoopbackApp.BaseAddress(app), "hook"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

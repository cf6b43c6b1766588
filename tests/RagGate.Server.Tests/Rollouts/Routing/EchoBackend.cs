using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RagGate.Server.Hosting;

namespace RagGate.Server.Tests.Rollouts.Routing;

/// <summary>
/// Test double for a revision in router tests: a real Kestrel server on 127.0.0.1 that answers every
/// request with its name (or a set status), so routing is checked without loading a model per revision.
/// The end-to-end rollout tests use real <c>raggate serve</c> processes instead.
/// </summary>
internal sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The status every request gets (200 by default); settable while running.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    public static async Task<EchoBackend> StartAsync(string name)
    {
        var app = LoopbackApp.CreateBuilder().Build();
        EchoBackend? backend = null;
        app.Run(async context =>
        {
            context.Response.StatusCode = backend!.Status;
            await context.Response.WriteAsync(name);
        });
        await app.StartAsync();
        backend = new EchoBackend(app, LoopbackApp.BaseAddress(app));
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagGate.Benchmarks;

/// <summary>
/// The framework's floor: a minimal ASP.NET Core endpoint on Kestrel that reads the same JSON body
/// and returns a fixed JSON of the same size as the real response, so the difference is our work.
/// </summary>
internal sealed class FloorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FloorServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<FloorServer> StartAsync(byte[] retrieveBody, byte[] answerBody)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/retrieve", async (HttpContext context) => await Fixed(context, retrieveBody));
        app.MapPost("/answer", async (HttpContext context) => await Fixed(context, answerBody));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FloorServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task Fixed(HttpContext context, byte[] body)
    {
        // Read the request as the real endpoint does, then answer the canned bytes.
        using var request = await System.Text.Json.JsonDocument.ParseAsync(context.Request.Body);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
}

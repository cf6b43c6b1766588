using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RagGate.Server.Tests.EndToEnd;

/// <summary>The server on a real Kestrel listening on 127.0.0.1 with a free port, stopped on dispose.</summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<KestrelServer> StartAsync(string configPath)
    {
        var app = ServerApp.Build(["--config", configPath, "--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var server = new KestrelServer(app, new Uri(address));
        using var client = new HttpClient { BaseAddress = server.Address };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!(await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("not ready in 5 minutes");
            await Task.Delay(200);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

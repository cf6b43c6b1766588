using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RagGate.Server.Hosting;

/// <summary>
/// The small Kestrel apps beside the RAG API (the rollout controller's admin endpoint, and the tests' local
/// peers): a slim builder on a free port of 127.0.0.1 without log providers, and the address Kestrel bound.
/// </summary>
internal static class LoopbackApp
{
    /// <summary>A slim builder listening on a free loopback port, logging nothing.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>The base address (with a trailing slash) a started app listens on: the port is known only once bound.</summary>
    public static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}

using RagGate.Server.Hosting;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// The running controller's admin endpoint on 127.0.0.1 (its address goes into the journal), through which
/// <c>raggate rollout promote|abort|undo</c> reach it from another terminal: <c>POST /promote[?full=true]</c>,
/// <c>POST /abort</c>, <c>POST /undo[?toRevision=N]</c>. Status and history are read from the journal itself.
/// </summary>
public sealed class AdminEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The endpoint's base address.</summary>
    public Uri Address { get; }

    /// <summary>Starts the endpoint for <paramref name="commands"/> on a free loopback port.</summary>
    public static async Task<AdminEndpoint> StartAsync(ControllerCommands commands, CancellationToken cancellationToken)
    {
        var builder = LoopbackApp.CreateBuilder();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.MapPost("/promote", (bool? full) =>
        {
            commands.Promote(full ?? false);
            return TypedResults.Accepted((string?)null, full == true ? "promoting fully" : "promoting");
        });
        app.MapPost("/abort", () =>
        {
            commands.Abort("raggate rollout abort");
            return TypedResults.Accepted((string?)null, "aborting");
        });
        app.MapPost("/undo", (int? toRevision) =>
        {
            commands.Abort(toRevision is { } n ? $"raggate rollout undo --to-revision {n}" : "raggate rollout undo");
            return TypedResults.Accepted((string?)null, "rolling back");
        });
        await app.StartAsync(cancellationToken);
        return new AdminEndpoint(app, LoopbackApp.BaseAddress(app));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Microsoft.Extensions.Options;
using RagGate.Engine.Configuration;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Server.Faults;
using RagGate.Server.Hosting;

namespace RagGate.Server;

/// <summary>
/// The RAG service: <c>raggate serve --config raggate.yaml [--urls http://127.0.0.1:8080]</c>, or the
/// published <c>RagGate.Server</c> with the same arguments (and <c>--prepare</c>, <c>--probe URL</c>; <c>--allow-faults</c> to accept a <c>faults:</c> section). Exit code 2
/// with one line when the config is wrong.
/// </summary>
public sealed class ServerApp
{
    private ServerApp()
    {
    }

    /// <summary>Builds and runs the server until SIGTERM/Ctrl+C (or <paramref name="cancellationToken"/>), finishing in-flight requests.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) => RunAsync(args, null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string[], CancellationToken)"/>; <paramref name="buildProgress"/> also receives the
    /// progress of an index build at start (texts embedded, of the total), for a progress bar on a terminal.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IProgress<(int Done, int Total)>? buildProgress, CancellationToken cancellationToken = default)
    {
        try
        {
            if (Array.IndexOf(args, "--probe") is var probe and >= 0 && probe + 1 < args.Length)
            {
                return await ServerTasks.ProbeAsync(args[probe + 1], cancellationToken);
            }

            if (Array.IndexOf(args, "--prepare") >= 0)
            {
                var path = new ConfigurationBuilder().AddCommandLine([.. args.Where(a => a != "--prepare")]).Build()["config"];
                return await ServerTasks.PrepareAsync(path ?? throw new InputException("--config: missing; expected the raggate.yaml to prepare"), cancellationToken);
            }

            await using var app = Build(args, buildProgress);
            // Taken before running: RunAsync disposes the service provider when it returns.
            var engines = app.Services.GetRequiredService<EngineHost>();
            await app.RunAsync(cancellationToken);
            if (engines.LoadError is { } error)
            {
                await Console.Error.WriteLineAsync($"raggate: {error}");
                return EngineLoader.FailureExitCode;
            }

            return ServerExitCodes.Success;
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync($"raggate: {e.Message}");
            return ServerExitCodes.BadInput;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"raggate: {string.Join("; ", e.Failures)}");
            return ServerExitCodes.BadInput;
        }
        catch (IOException e)
        {
            // Most often the address is in use.
            await Console.Error.WriteLineAsync($"raggate: {e.Message}");
            return ServerExitCodes.BadInput;
        }
    }

    /// <summary>Builds the server from <c>--config</c> (required) and the usual ASP.NET Core arguments (<c>--urls</c>).</summary>
    public static WebApplication Build(string[] args) => Build(args, null);

    private static WebApplication Build(string[] args, IProgress<(int Done, int Total)>? buildProgress)
    {
        var builder = WebApplication.CreateBuilder(FaultSwitch.Normalize(args));
        var path = builder.Configuration["config"];
        if (string.IsNullOrWhiteSpace(path)) throw new InputException("--config: missing; expected the raggate.yaml to serve");
        var config = RagGateConfigLoader.Load(path);
        if (config.Evaluation.Target.Kind != TargetSettings.Embedded)
        {
            throw new InputException($"{path}: target.kind: '{config.Evaluation.Target.Kind}' cannot be served; expected the embedded engine (kind: embedded)");
        }

        FaultSwitch.Check(config, builder.Configuration);
        builder.AddRagServer(config);
        builder.Services.AddSingleton(new IndexBuildDisplay(buildProgress));
        return builder.Build().UseRagServer(config);
    }
}

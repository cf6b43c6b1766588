using System.CommandLine;
using Microsoft.Extensions.Logging;
using RagGate.Cli.Hosting;
using RagGate.Server.Rollouts.Control;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout start</c>: runs a canary rollout to its end; exit 0 promoted, 1 rolled back, 2 bad spec.</summary>
internal sealed class RolloutStartCommand : RaggateCommand<RolloutStartCommandSettings>
{
    private readonly Option<string> _spec = new("--spec") { Description = "The rollout spec (rollout.yaml)", Required = true };
    private readonly Option<string?> _canary = new("--canary") { Description = "The canary: a raggate.yaml to serve, or the URL of a running service" };
    private readonly Option<string?> _state = new("--state") { Description = "State folder (journal); default .raggate/rollouts/NAME beside the spec" };
    private readonly Option<bool> _allowFaults = new("--allow-faults") { Description = "Start the revisions with --allow-faults (drills with a faults: section)" };

    public RolloutStartCommand()
        : base("start", "Run a canary rollout to its end: exit 0 promoted, 1 rolled back, 2 bad spec")
    {
        AddSymbols(_spec, _canary, _state, _allowFaults);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(RolloutStartCommandSettings settings, CancellationToken cancellationToken)
    {
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }).AddFilter("Microsoft", LogLevel.Warning));
        var start = new RolloutStartOptions
        {
            SpecPath = settings.Spec,
            Canary = settings.Canary,
            StateFolder = settings.State,
            Serve = Self(),
            AllowFaults = settings.AllowFaults,
        };
        var code = await RolloutStart.RunAsync(start, _ => new RouterAnalysisRunner(TimeProvider.System), logging, cancellationToken);
        Console.WriteLine(code == 0 ? "rollout: promoted" : "rollout: rolled back (raggate rollout history says why)");
        return code;
    }

    /// <inheritdoc />
    protected override RolloutStartCommandSettings Bind(ParseResult parse) => new()
    {
        Spec = parse.GetValue(_spec)!,
        Canary = parse.GetValue(_canary),
        State = parse.GetValue(_state),
        AllowFaults = parse.GetValue(_allowFaults),
    };

    // This very tool serves the revisions: the apphost as it is, or raggate.dll through the dotnet host.
    private static ServeCommandLine Self()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? ServeCommandLine.FromFolder(AppContext.BaseDirectory)
            : new ServeCommandLine(host, ["serve"]);
    }
}

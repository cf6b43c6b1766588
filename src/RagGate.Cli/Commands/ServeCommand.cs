using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Server;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate serve</c>: the embedded engine as an HTTP service speaking the HTTP target contract.</summary>
internal sealed class ServeCommand : RaggateCommand<ServeCommandSettings>
{
    /// <summary>The command's name, which <see cref="RaggateApp"/> runs without the parser's termination timeout.</summary>
    public const string CommandName = "serve";

    // ServerApp's switch, spelled here so the server's internals stay internal.
    private const string FaultSwitch = "--allow-faults";

    private readonly Option<string> _config = new("--config") { Description = "raggate.yaml whose engine to serve", DefaultValueFactory = _ => "raggate.yaml" };
    private readonly Option<string> _urls = new("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
    private readonly Option<bool> _allowFaults = new(FaultSwitch) { Description = "Accept the config's faults: section (error rate, latency, crash) for drills and tests" };

    public ServeCommand()
        : base(CommandName, "Serve the RAG API (POST /retrieve, /answer, /context; /healthz, /readyz, /version, /metrics)")
    {
        AddSymbols(_config, _urls, _allowFaults);
    }

    /// <inheritdoc />
    // The host handles SIGTERM/Ctrl+C itself, finishing in-flight requests; the config and address errors are one line
    // and exit code 2 there.
    public override Task<int> ExecuteAsync(ServeCommandSettings settings, CancellationToken cancellationToken) =>
        ServerApp.RunAsync(["--config", settings.Config, "--urls", settings.Urls, .. settings.AllowFaults ? [FaultSwitch] : Array.Empty<string>()], ProgressBar.Line("Building the index", "texts"), cancellationToken);

    /// <inheritdoc />
    protected override ServeCommandSettings Bind(ParseResult parse) =>
        new() { Config = parse.GetValue(_config)!, Urls = parse.GetValue(_urls)!, AllowFaults = parse.GetValue(_allowFaults) };
}

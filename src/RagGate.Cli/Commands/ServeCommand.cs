using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Server;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate serve</c>: the embedded engine as an HTTP service speaking the HTTP target contract.</summary>
internal sealed class ServeCommand : RaggateCommand<ServeCommandSettings>
{
    /// <summary>The command's name, which <see cref="RaggateApp"/> runs without the parser's termination timeout.</summary>
    public const string CommandName = "serve";

    private readonly Option<string> _config = new("--config") { Description = "raggate.yaml whose engine to serve", DefaultValueFactory = _ => "raggate.yaml" };
    private readonly Option<string> _urls = new("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:8080" };

    public ServeCommand()
        : base(CommandName, "Serve the RAG API (POST /retrieve, /answer, /context; /healthz, /readyz, /version, /metrics)")
    {
        AddSymbols(_config, _urls);
    }

    /// <inheritdoc />
    // The host handles SIGTERM/Ctrl+C itself, finishing in-flight requests; the config and address errors are one line
    // and exit code 2 there.
    public override Task<int> ExecuteAsync(ServeCommandSettings settings, CancellationToken cancellationToken) =>
        ServerApp.RunAsync(["--config", settings.Config, "--urls", settings.Urls], ProgressBar.Line("Building the index", "texts"), cancellationToken);

    /// <inheritdoc />
    protected override ServeCommandSettings Bind(ParseResult parse) => new() { Config = parse.GetValue(_config)!, Urls = parse.GetValue(_urls)! };
}

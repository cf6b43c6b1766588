using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Server;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate serve</c>: the embedded engine as an HTTP service speaking the HTTP target contract.</summary>
internal static class ServeCommand
{
    /// <summary>The command's name, which <see cref="RaggateApp"/> runs without the parser's termination timeout.</summary>
    public const string Name = "serve";

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "raggate.yaml whose engine to serve", DefaultValueFactory = _ => "raggate.yaml" };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var command = new Command(Name, "Serve the RAG API (POST /retrieve, /answer, /context; /healthz, /readyz, /version, /metrics)") { config, urls };
        // The host handles SIGTERM/Ctrl+C itself, finishing in-flight requests; the config and
        // address errors are one line and exit code 2 there.
        command.SetAction((parse, _) => ServerApp.RunAsync(
            ["--config", parse.GetValue(config)!, "--urls", parse.GetValue(urls)!],
            ProgressBar.Line("Building the index", "texts")));
        return command;
    }
}

using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate serve</c>: the config whose engine to serve and the addresses to listen on.</summary>
internal sealed record ServeCommandSettings : CommandSettings
{
    /// <summary>raggate.yaml whose engine to serve; the server checks it at start.</summary>
    public required string Config { get; init; }

    /// <summary>Addresses to listen on, as ASP.NET Core's <c>--urls</c>.</summary>
    public required string Urls { get; init; }
}

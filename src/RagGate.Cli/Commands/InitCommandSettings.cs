using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate init</c>.</summary>
internal sealed record InitCommandSettings : CommandSettings
{
    public const string GitHub = "github";
    public const string None = "none";

    /// <summary>The folder to scaffold (created when missing).</summary>
    public string Folder { get; init; } = ".";

    /// <summary>Replace files that are already there.</summary>
    public bool Force { get; init; }

    /// <summary>The CI workflow to write: <c>github</c> or <c>none</c>.</summary>
    public string Ci { get; init; } = GitHub;

    /// <inheritdoc />
    public override void Validate()
    {
        if (Ci is not (GitHub or None))
            throw new InputException($"--ci: '{Ci}' is not allowed; expected {GitHub} or {None}");
        InputFile.CheckPath(Folder, "a folder to scaffold");
        if (File.Exists(Folder))
            throw new InputException($"{Folder}: is a file; expected a folder to scaffold");
    }
}

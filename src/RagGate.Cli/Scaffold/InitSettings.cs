using RagGate.Evaluation;

namespace RagGate.Cli.Scaffold;

/// <summary>The settings of <c>raggate init</c>.</summary>
/// <param name="Folder">The folder to scaffold (created when missing).</param>
/// <param name="Force">Replace files that are already there.</param>
/// <param name="Ci">The CI workflow to write: <c>github</c> or <c>none</c>.</param>
internal sealed record InitSettings(string Folder, bool Force, string Ci)
{
    public const string GitHub = "github";
    public const string None = "none";

    /// <summary>Throws an <see cref="InputException"/> when a setting is not understood.</summary>
    public void Validate()
    {
        if (Ci is not (GitHub or None))
            throw new InputException($"--ci: '{Ci}' is not allowed; expected {GitHub} or {None}");
        InputFile.CheckPath(Folder, "a folder to scaffold");
        if (File.Exists(Folder))
            throw new InputException($"{Folder}: is a file; expected a folder to scaffold");
    }
}

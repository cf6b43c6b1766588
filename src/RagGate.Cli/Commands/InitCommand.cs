using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Cli.Scaffold;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate init</c>: a commented raggate.yaml, an example corpus and golden set, and the CI/CD workflow.</summary>
internal sealed class InitCommand : RaggateCommand<InitCommandSettings>
{
    private readonly Argument<string> _folder = new("folder") { Description = "The folder to scaffold (an empty folder or an existing repository)", DefaultValueFactory = _ => "." };
    private readonly Option<bool> _force = new("--force") { Description = "Replace files that are already there" };
    private readonly Option<string> _ci = new("--ci")
    {
        Description = "The CI/CD workflow to write: github (.github/workflows/ml-ci-cd.yml) or none",
        DefaultValueFactory = _ => InitCommandSettings.GitHub,
    };

    public InitCommand()
        : base("init", "Scaffold raggate.yaml, an example corpus and golden set, and a GitHub Actions ML CI/CD workflow") => AddSymbols(_folder, _force, _ci);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(InitCommandSettings settings, CancellationToken cancellationToken)
    {
        var files = await Scaffolder.WriteAsync(settings.Folder, settings.Force, settings.Ci == InitCommandSettings.GitHub, cancellationToken);
        Console.WriteLine($"Wrote {files.Count} files to {Path.GetFullPath(settings.Folder)}:");
        foreach (var file in files)
            Console.WriteLine($"  {file}");
        Console.WriteLine("Next: raggate eval   (index kb/, run the golden set, check the gates; reports in .raggate/report/)");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    protected override InitCommandSettings Bind(ParseResult parse) =>
        new() { Folder = parse.GetValue(_folder)!, Force = parse.GetValue(_force), Ci = parse.GetValue(_ci)! };
}

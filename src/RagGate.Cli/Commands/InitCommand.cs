using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Cli.Scaffold;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate init</c>: a commented raggate.yaml, an example corpus and golden set, and the CI/CD workflow.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The folder to scaffold (an empty folder or an existing repository)", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Replace files that are already there" };
        var ci = new Option<string>("--ci") { Description = "The CI/CD workflow to write: github (.github/workflows/ml-ci-cd.yml) or none", DefaultValueFactory = _ => InitSettings.GitHub };
        var command = new Command("init", "Scaffold raggate.yaml, an example corpus and golden set, and a GitHub Actions ML CI/CD workflow") { folder, force, ci };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token => RunAsync(new InitSettings(parse.GetValue(folder)!, parse.GetValue(force), parse.GetValue(ci)!), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(InitSettings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        var files = await Scaffolder.WriteAsync(settings, cancellationToken);
        Console.WriteLine($"Wrote {files.Count} files to {Path.GetFullPath(settings.Folder)}:");
        foreach (var file in files)
            Console.WriteLine($"  {file}");
        Console.WriteLine("Next: raggate eval   (index kb/, run the golden set, check the gates; reports in .raggate/report/)");
        return ExitCodes.Success;
    }
}

using System.CommandLine;

namespace RagGate.Cli.Hosting;

/// <summary>
/// One <c>raggate</c> command, as Spectre.Console.Cli's <c>AsyncCommand&lt;TSettings&gt;</c> on System.CommandLine.
/// To add a command: a <c>Commands/&lt;Name&gt;CommandSettings.cs</c> record with the values and their
/// <see cref="CommandSettings.Validate"/>, and a <c>Commands/&lt;Name&gt;Command.cs</c> deriving from this class that declares
/// its options as fields and adds them in its constructor (<see cref="AddSymbols"/>), binds them in <see cref="Bind"/> and does all its work in <see cref="ExecuteAsync"/>;
/// then one line in <see cref="RaggateApp"/>. Bad input is an <see cref="Evaluation.InputException"/> (one line, exit code 2),
/// and Ctrl-C cancels <c>cancellationToken</c> (exit code 130), both turned into exit codes by <see cref="CommandGuard"/>.
/// </summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
internal abstract class RaggateCommand<TSettings> : Command
    where TSettings : CommandSettings
{
    /// <summary>Creates the command; the derived constructor adds its arguments and options.</summary>
    protected RaggateCommand(string name, string description)
        : base(name, description) =>
        SetAction((parse, cancellationToken) => CommandGuard.RunAsync(token =>
        {
            var settings = Bind(parse);
            settings.Validate();
            return ExecuteAsync(settings, token);
        }, cancellationToken));

    /// <summary>Runs the command with settings that passed <see cref="CommandSettings.Validate"/>; returns the exit code.</summary>
    public abstract Task<int> ExecuteAsync(TSettings settings, CancellationToken cancellationToken);

    /// <summary>Adds the command's arguments and options, in the order help lists them.</summary>
    protected void AddSymbols(params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument: Arguments.Add(argument); break;
                case Option option: Options.Add(option); break;
                default: throw new ArgumentException($"{symbol.Name} is neither an argument nor an option", nameof(symbols));
            }
        }
    }

    /// <summary>The settings from the parsed command line.</summary>
    protected abstract TSettings Bind(ParseResult parse);
}

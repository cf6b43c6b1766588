using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout promote [--full]</c>: ends a pause (or skips every remaining step) of a running rollout.</summary>
internal sealed class RolloutPromoteCommand : RaggateCommand<RolloutPromoteCommandSettings>
{
    private readonly Option<string?> _state = RolloutOptions.State();
    private readonly Option<string?> _spec = RolloutOptions.Spec();
    private readonly Option<bool> _full = new("--full") { Description = "Skip every remaining step and analysis: promote now" };

    public RolloutPromoteCommand()
        : base("promote", "Resume a paused rollout, or with --full promote the canary now")
    {
        AddSymbols(_state, _spec, _full);
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(RolloutPromoteCommandSettings settings, CancellationToken cancellationToken)
    {
        var (store, journal) = settings.Read();
        if (journal.Finished) throw new InputException($"{store.FilePath}: the rollout has finished ({journal.Phase}); expected a running rollout to promote");
        return RolloutAdmin.PostAsync(journal, settings.Full ? "promote?full=true" : "promote", settings.Full ? "promoting now" : "promoting to the next step", cancellationToken);
    }

    /// <inheritdoc />
    protected override RolloutPromoteCommandSettings Bind(ParseResult parse) =>
        new() { State = parse.GetValue(_state), Spec = parse.GetValue(_spec), Full = parse.GetValue(_full) };
}

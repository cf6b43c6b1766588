using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout abort</c>: rolls a running rollout back (all traffic to stable, canary stopped).</summary>
internal sealed class RolloutAbortCommand : RaggateCommand<RolloutAbortCommandSettings>
{
    private readonly Option<string?> _state = RolloutOptions.State();
    private readonly Option<string?> _spec = RolloutOptions.Spec();

    public RolloutAbortCommand()
        : base("abort", "Roll a running rollout back: all traffic to stable, the canary stopped")
    {
        AddSymbols(_state, _spec);
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(RolloutAbortCommandSettings settings, CancellationToken cancellationToken)
    {
        var (store, journal) = settings.Read();
        if (journal.Finished) throw new InputException($"{store.FilePath}: the rollout has finished ({journal.Phase}); expected a running rollout to abort");
        return RolloutAdmin.PostAsync(journal, "abort", "aborting: all traffic to stable", cancellationToken);
    }

    /// <inheritdoc />
    protected override RolloutAbortCommandSettings Bind(ParseResult parse) => new() { State = parse.GetValue(_state), Spec = parse.GetValue(_spec) };
}

using System.CommandLine;
using System.Globalization;
using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout history</c>: every revision with its status, then every event (steps, measurements, verdicts).</summary>
internal sealed class RolloutHistoryCommand : RaggateCommand<RolloutHistoryCommandSettings>
{
    private readonly Option<string?> _state = RolloutOptions.State();
    private readonly Option<string?> _spec = RolloutOptions.Spec();

    public RolloutHistoryCommand()
        : base("history", "List a rollout's revisions and events, with the reason of every rollback")
    {
        AddSymbols(_state, _spec);
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(RolloutHistoryCommandSettings settings, CancellationToken cancellationToken)
    {
        var (_, journal) = settings.Read();
        Console.WriteLine($"rollout {journal.Name}: {journal.Phase}{(journal.Reason is { } r ? $" ({r})" : "")}");
        Console.WriteLine("REVISION  STATUS       SOURCE");
        foreach (var revision in journal.Revisions)
        {
            Console.WriteLine($"{revision.Number,-9} {revision.Status,-12} {revision.Source}");
        }

        Console.WriteLine();
        foreach (var e in journal.Events)
        {
            Console.WriteLine($"{e.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}  rev {e.Revision}  {e.Kind,-11} {e.Message}");
        }

        return Task.FromResult(0);
    }

    /// <inheritdoc />
    protected override RolloutHistoryCommandSettings Bind(ParseResult parse) => new() { State = parse.GetValue(_state), Spec = parse.GetValue(_spec) };
}

using System.CommandLine;
using System.Text;
using RagGate.Cli.Hosting;
using RagGate.Server.Rollouts.Control;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout status</c>: the phase, step, weight and revisions of a running or finished rollout.</summary>
internal sealed class RolloutStatusCommand : RaggateCommand<RolloutStatusCommandSettings>
{
    private readonly Option<string?> _state = RolloutOptions.State();
    private readonly Option<string?> _spec = RolloutOptions.Spec();
    private readonly Option<bool> _json = new("--json") { Description = "Print the journal as JSON" };

    public RolloutStatusCommand()
        : base("status", "Show a rollout's phase, step, canary weight and revisions")
    {
        AddSymbols(_state, _spec, _json);
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(RolloutStatusCommandSettings settings, CancellationToken cancellationToken)
    {
        var (_, journal) = settings.Read();
        if (settings.Json)
        {
            Console.WriteLine(Encoding.UTF8.GetString(JournalStore.Serialize(journal)));
            return Task.FromResult(0);
        }

        Console.WriteLine($"rollout {journal.Name}: {journal.Phase}");
        Console.WriteLine($"  canary:  revision {journal.CanaryRevision} at {journal.Weight:0.##}%{(journal.Finished ? "" : $", step {journal.Step + 1}")}");
        if (journal.StableRevision is { } stable) Console.WriteLine($"  stable:  revision {stable.Number} ({stable.Source})");
        if (journal.Reason is { } reason) Console.WriteLine($"  reason:  {reason}");
        Console.WriteLine(journal.Finished ? "  finished" : $"  running: admin {journal.AdminUrl ?? "(controller not running: start it again to resume)"}");
        return Task.FromResult(0);
    }

    /// <inheritdoc />
    protected override RolloutStatusCommandSettings Bind(ParseResult parse) =>
        new() { State = parse.GetValue(_state), Spec = parse.GetValue(_spec), Json = parse.GetValue(_json) };
}

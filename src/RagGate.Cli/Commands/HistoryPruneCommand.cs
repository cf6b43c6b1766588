using System.CommandLine;
using RagGate.Cli.History;
using RagGate.Cli.Hosting;
using RagGate.History;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate history prune</c>: deletes all but the newest runs of each branch.</summary>
internal sealed class HistoryPruneCommand : RaggateCommand<HistoryPruneCommandSettings>
{
    private readonly Option<string?> _store = HistoryStoreOption.Create();
    private readonly Option<int?> _keep = new("--keep") { Description = "Keep the newest N runs of each branch and delete the rest" };

    public HistoryPruneCommand()
        : base("prune", "Delete all but the newest runs of each branch") => AddSymbols(_store, _keep);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(HistoryPruneCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await RunStores.OpenAsync(RunStoreLocation.NamedOrDefault(settings.Store), cancellationToken);
        var deleted = await store.PruneAsync(settings.Keep!.Value, cancellationToken);
        Console.WriteLine($"Deleted {deleted} runs from {store.Location}; kept the newest {settings.Keep} of each branch.");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    protected override HistoryPruneCommandSettings Bind(ParseResult parse) => new() { Store = parse.GetValue(_store), Keep = parse.GetValue(_keep) };
}

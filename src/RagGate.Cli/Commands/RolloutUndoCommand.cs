using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.Server.Rollouts.Control;

namespace RagGate.Cli.Commands;

/// <summary>
/// <c>raggate rollout undo [--to-revision N]</c>: a finished rollout's earlier revision becomes stable again (as a
/// new revision number, as Argo Rollouts does); a running rollout is rolled back to its stable revision (as abort).
/// </summary>
internal sealed class RolloutUndoCommand : RaggateCommand<RolloutUndoCommandSettings>
{
    private readonly Option<string?> _state = RolloutOptions.State();
    private readonly Option<string?> _spec = RolloutOptions.Spec();
    private readonly Option<int?> _to = new("--to-revision") { Description = "The revision to return to (default: the stable one before the current)" };

    public RolloutUndoCommand()
        : base("undo", "Return to the previous stable revision (or --to-revision N)")
    {
        AddSymbols(_state, _spec, _to);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(RolloutUndoCommandSettings settings, CancellationToken cancellationToken)
    {
        var (store, journal) = settings.Read();
        if (!journal.Finished)
        {
            // A running rollout can only go back to its stable revision (the canary is aborted); another revision
            // needs the rollout finished first, and is refused rather than dropped.
            var stable = journal.StableRevision;
            if (settings.ToRevision is { } n && n != stable?.Number)
            {
                throw new InputException($"{store.FilePath}: --to-revision {n}: a rollout is in progress; undo rolls it back to stable revision {stable?.Number}; "
                    + $"expected no --to-revision (or {stable?.Number}), or undo --to-revision {n} once it has finished");
            }

            return await RolloutAdmin.PostAsync(journal, "undo", $"rolling back to stable revision {stable?.Number}", cancellationToken);
        }

        RevisionRecord restored;
        try
        {
            restored = JournalCommands.Undo(journal, settings.ToRevision, TimeProvider.System.GetUtcNow());
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{store.FilePath}: {e.Message}");
        }

        await store.WriteAsync(journal, cancellationToken);
        Console.WriteLine($"revision {restored.Number} ({restored.Source}) is stable; the next rollout starts from it");
        return 0;
    }

    /// <inheritdoc />
    protected override RolloutUndoCommandSettings Bind(ParseResult parse) =>
        new() { State = parse.GetValue(_state), Spec = parse.GetValue(_spec), ToRevision = parse.GetValue(_to) };
}

using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.Server.Rollouts.Control;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Cli.Commands;

/// <summary>Where a rollout's state is: <c>--state DIR</c>, or the default folder of <c>--spec FILE</c>.</summary>
internal abstract record RolloutStateSettings : CommandSettings
{
    /// <summary>The state folder, or null.</summary>
    public string? State { get; init; }

    /// <summary>The spec whose default state folder to use, or null.</summary>
    public string? Spec { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        if (State is null && Spec is null) throw new InputException("--state: missing; expected --state DIR (or --spec FILE for its default state folder)");
    }

    /// <summary>The state folder's journal, or one line and exit 2 when there is none.</summary>
    public (JournalStore Store, RolloutJournal Journal) Read()
    {
        var folder = State ?? RolloutStart.DefaultStateFolder(RolloutSpecLoader.Load(Spec!));
        var store = new JournalStore(folder);
        var journal = store.Read() ?? throw new InputException($"{store.FilePath}: file not found; expected the state folder of a rollout (raggate rollout start --state DIR)");
        return (store, journal);
    }
}

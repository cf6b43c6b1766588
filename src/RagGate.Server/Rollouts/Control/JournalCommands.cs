namespace RagGate.Server.Rollouts.Control;

/// <summary>What <c>raggate rollout undo</c> does to a finished rollout's journal: an earlier revision becomes stable again, as a new revision number (as Argo Rollouts' undo).</summary>
public static class JournalCommands
{
    /// <summary>
    /// Makes revision <paramref name="toRevision"/> (default: the stable one before the current) stable again;
    /// returns the new revision, or throws <see cref="ArgumentException"/> naming what is wrong.
    /// </summary>
    public static RevisionRecord Undo(RolloutJournal journal, int? toRevision, DateTimeOffset now)
    {
        if (!journal.Finished) throw new ArgumentException("a rollout is in progress; abort it first (raggate rollout abort)");
        var current = journal.StableRevision ?? throw new ArgumentException("the journal has no stable revision");
        var target = toRevision is { } number
            ? journal.Revisions.FirstOrDefault(r => r.Number == number)
                ?? throw new ArgumentException($"--to-revision {number}: no such revision; expected one of {string.Join(", ", journal.Revisions.Select(r => r.Number))}")
            : journal.Revisions.LastOrDefault(r => r.Status == RevisionRecord.Superseded && r.Number < current.Number)
                ?? throw new ArgumentException($"revision {current.Number} is the first stable revision; there is none before it to return to");
        if (target.Number == current.Number) throw new ArgumentException($"--to-revision {target.Number}: that revision is already stable");
        if (target.Status == RevisionRecord.RolledBack) throw new ArgumentException($"--to-revision {target.Number}: that revision was rolled back; expected a revision that was stable");

        var index = journal.Revisions.IndexOf(current);
        journal.Revisions[index] = current with { Status = RevisionRecord.Superseded, At = now };
        var restored = new RevisionRecord(journal.Revisions.Max(r => r.Number) + 1, target.Source, RevisionRecord.Stable, now);
        journal.Revisions.Add(restored);
        journal.Events.Add(new JournalEvent(now, restored.Number, "undo", $"revision {target.Number} ({target.Source}) is stable again as revision {restored.Number}; revision {current.Number} superseded"));
        return restored;
    }
}

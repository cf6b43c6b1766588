namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// What a person asked of a running rollout (from the admin endpoint): promote (to the next step, or
/// <c>--full</c> past all of them), abort, or undo to an earlier revision. The controller waits on <see cref="Changed"/>.
/// </summary>
public sealed class ControllerCommands
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _promotions;

    /// <summary>Completes when the next command arrives.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate) return _changed.Task;
        }
    }

    /// <summary>True once <c>promote --full</c> was asked: skip every remaining step and analysis.</summary>
    public bool PromoteFull { get; private set; }

    /// <summary>Why the rollout must be aborted, or null.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>Resumes a pause (one promotion per call), or with <paramref name="full"/> promotes at once.</summary>
    public void Promote(bool full)
    {
        lock (_gate)
        {
            _promotions++;
            PromoteFull |= full;
        }

        Signal();
    }

    /// <summary>Takes one pending promotion, if any.</summary>
    public bool TakePromotion()
    {
        lock (_gate)
        {
            if (_promotions == 0) return false;
            _promotions--;
            return true;
        }
    }

    /// <summary>Aborts the rollout: all traffic to stable, canary stopped.</summary>
    public void Abort(string reason)
    {
        lock (_gate) AbortReason ??= reason;
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}

using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;
using RagGate.Server.Rollouts.Traffic;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Runs a rollout to its end: starts the revisions behind the router, walks the canary steps (setWeight,
/// pause, analysis), promotes or rolls back, and writes the journal after every change so a controller
/// restarted after a crash resumes at the step it was on. Every wait uses the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class RolloutController(ControllerOptions options, ILogger logger) : IDisposable
{
    private readonly JournalStore _store = new(options.StateFolder);
    private readonly RolloutNotifier _notifier = new(options.Spec.Notifications.Webhook, logger);
    private readonly Lock _gate = new();
    private RolloutJournal _journal = new();
    private RevisionSet? _revisions;

    /// <summary>Where people's commands arrive (the admin endpoint calls these).</summary>
    public ControllerCommands Commands { get; } = new();

    /// <summary>The router while the rollout runs, for the admin endpoint and tests.</summary>
    public CanaryRouter? Router => _revisions?.Router;

    /// <summary>The journal's file.</summary>
    public JournalStore Store => _store;

    /// <summary>Set by the host before <see cref="RunAsync"/>: the admin endpoint's address, written into the journal.</summary>
    public Uri? AdminAddress { get; set; }

    /// <summary>Runs (or resumes) the rollout; returns Healthy when promoted, Degraded when rolled back.</summary>
    public async Task<RolloutPhase> RunAsync(CancellationToken cancellationToken)
    {
        var time = options.Time;
        var steps = options.Spec.Steps;
        var previous = _store.Read();
        var resuming = previous is { Finished: false } && previous.CanaryRevision > 0;
        _journal = previous ?? new RolloutJournal();
        if (resuming)
        {
            RevisionSet.StopOrphans(_journal.ProcessIds);
            Event("resume", $"controller restarted; resuming at step {_journal.Step + 1} of {steps.Count} with the canary at {RevisionSet.Percent(_journal.Weight)}");
        }
        else
        {
            Begin();
        }

        var stable = RevisionSet.Parse(_journal.StableRevision!.Source);
        var canary = RevisionSet.Parse(_journal.Revisions.Single(r => r.Number == _journal.CanaryRevision).Source);
        using var traffic = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<TrafficReport>? sending = null;
        try
        {
            _revisions = await RevisionSet.StartAsync(options.Revisions, stable, canary, options.Spec.Revisions.Baseline, _journal.Weight, options.Router with { Time = options.Time }, cancellationToken);
            Update(j =>
            {
                j.ProcessIds = _revisions.ProcessIds;
                j.RouterUrl = _revisions.Router.Address.AbsoluteUri;
                j.AdminUrl = AdminAddress?.AbsoluteUri;
            });
            await SaveAsync(cancellationToken);
            sending = StartTraffic(traffic.Token);
            var crashed = CanaryExited();
            for (var i = _journal.Step; i < steps.Count; i++)
            {
                if (Commands.AbortReason is { } reason) return await RollBackAsync($"aborted: {reason}", cancellationToken);
                if (Commands.PromoteFull) break;
                var resumedHere = resuming && i == _journal.Step;
                Update(j =>
                {
                    j.Step = i;
                    if (!resumedHere) j.StepStartedAt = time.GetUtcNow();
                });
                await SaveAsync(cancellationToken);
                var failure = await RunStepAsync(steps[i], crashed, cancellationToken);
                if (failure is not null) return await RollBackAsync(failure, cancellationToken);
            }

            return await PromoteAsync(cancellationToken);
        }
        finally
        {
            await traffic.CancelAsync();
            if (sending is not null) Event("traffic", Describe(await sending));
            if (_revisions is not null) await _revisions.DisposeAsync();
            Update(j =>
            {
                j.ProcessIds = [];
                j.AdminUrl = null;
                j.RouterUrl = null;
            });
            await SaveAsync(CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _notifier.Dispose();

    private void Begin()
    {
        var spec = options.Spec;
        Update(j =>
        {
            j.Name = spec.Name;
            j.Spec = spec.Path;
            if (j.StableRevision is null) j.Revisions.Add(new RevisionRecord(j.Revisions.Count + 1, spec.Revisions.Stable.ToString(), RevisionRecord.Stable, options.Time.GetUtcNow()));
            var number = j.Revisions.Max(r => r.Number) + 1;
            j.Revisions.Add(new RevisionRecord(number, options.Canary.ToString(), RevisionRecord.Progressing, options.Time.GetUtcNow()));
            j.CanaryRevision = number;
            j.Phase = RolloutPhase.Progressing;
            j.Step = 0;
            j.Weight = 0;
            j.Reason = null;
        });
        Event("start", $"revision {_journal.CanaryRevision} ({options.Canary}) against stable revision {_journal.StableRevision!.Number} ({_journal.StableRevision.Source})");
    }

    /// <summary>Runs one step; returns why the rollout must roll back, or null to go on.</summary>
    private async Task<string?> RunStepAsync(RolloutStep step, Task<string> crashed, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case SetWeightStep set:
                await _revisions!.SetWeightAsync(set.Weight, cancellationToken);
                Update(j => j.Weight = set.Weight);
                Event("step", $"setWeight {set.Weight}: the canary takes {set.Weight}% of traffic");
                return null;
            case PauseStep pause:
                var until = pause.Duration is { } duration ? _journal.StepStartedAt + duration : (DateTimeOffset?)null;
                await PauseAsync(until is null ? "pause until promoted" : $"pause {pause.Duration!.Value.TotalSeconds:0.#} s", until, crashed, cancellationToken);
                return Commands.AbortReason is { } reason ? $"aborted: {reason}" : crashed.IsCompleted ? await crashed : null;
            case AnalysisStep analysis:
                return await AnalyseAsync(analysis, crashed, cancellationToken);
            default:
                throw new InvalidOperationException($"unknown step {step.GetType().Name}");
        }
    }

    private async Task<string?> AnalyseAsync(AnalysisStep step, Task<string> crashed, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", step.Templates);
        Event("analysis", $"analysis {names} started against {Control}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new AnalysisRequest(options.Spec, step, _revisions!.Router, Control, options.GoldenSet);
        var run = options.Analysis.RunAsync(request, stop.Token);
        while (!run.IsCompleted)
        {
            var changed = Commands.Changed;
            await Task.WhenAny(run, changed, crashed);
            if (Commands.AbortReason is { } reason || Commands.PromoteFull || crashed.IsCompleted)
            {
                await stop.CancelAsync();
                return Commands.AbortReason is { } r ? $"aborted: {r}" : crashed.IsCompleted ? await crashed : null;
            }
        }

        var outcome = await run;
        foreach (var line in outcome.Details) Event("measurement", line);
        Event("analysis", $"analysis {names}: {outcome.Verdict}: {outcome.Summary}");
        switch (outcome.Verdict)
        {
            case AnalysisVerdict.Successful:
                return null;
            case AnalysisVerdict.Inconclusive:
                await PauseAsync($"analysis {names} inconclusive; waiting for promote or abort", null, crashed, cancellationToken);
                return Commands.AbortReason is { } reason ? $"aborted: {reason}" : crashed.IsCompleted ? await crashed : null;
            default:
                return $"analysis {names} {outcome.Verdict.ToString().ToLowerInvariant()}: {outcome.Summary}";
        }
    }

    private string Control => options.Spec.Revisions.Baseline ? Revisions.Baseline : Revisions.Stable;

    private async Task PauseAsync(string what, DateTimeOffset? until, Task<string> crashed, CancellationToken cancellationToken)
    {
        Update(j => j.Phase = RolloutPhase.Paused);
        Event("pause", what);
        await SaveAsync(cancellationToken);
        await _notifier.NotifyAsync($"Rollout *{options.Spec.Name}* paused: {what}.", cancellationToken);
        while (Commands.AbortReason is null && !Commands.PromoteFull && !crashed.IsCompleted && !Commands.TakePromotion())
        {
            var changed = Commands.Changed;
            var left = until is { } end ? end - options.Time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            if (until is not null && left <= TimeSpan.Zero) break;
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = left == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, wake.Token) : Task.Delay(left, options.Time, wake.Token);
            await Task.WhenAny(timer, changed, crashed);
            await wake.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        Update(j => j.Phase = RolloutPhase.Progressing);
        Event("resume", "pause over");
    }

    private async Task<RolloutPhase> PromoteAsync(CancellationToken cancellationToken)
    {
        await _revisions!.PromoteAsync(cancellationToken);
        var now = options.Time.GetUtcNow();
        Update(j =>
        {
            j.Weight = 100;
            j.Step = options.Spec.Steps.Count;
            for (var i = 0; i < j.Revisions.Count; i++)
            {
                var r = j.Revisions[i];
                if (r.Status == RevisionRecord.Stable) j.Revisions[i] = r with { Status = RevisionRecord.Superseded, At = now };
                if (r.Number == j.CanaryRevision) j.Revisions[i] = r with { Status = RevisionRecord.Stable, At = now };
            }

            j.Phase = RolloutPhase.Healthy;
        });
        Event("promote", $"revision {_journal.CanaryRevision} promoted{(Commands.PromoteFull ? " (promote --full)" : "")}: it is stable now");
        await SaveAsync(cancellationToken);
        await _notifier.NotifyAsync($"Rollout *{options.Spec.Name}* promoted revision {_journal.CanaryRevision} ({options.Canary}).", cancellationToken);
        return RolloutPhase.Healthy;
    }

    private async Task<RolloutPhase> RollBackAsync(string reason, CancellationToken cancellationToken)
    {
        // Traffic first: the router update is in force when this returns (well within a second); the processes stop after.
        await _revisions!.RouteAllToStableAsync(cancellationToken);
        Event("rollback", $"revision {_journal.CanaryRevision} rolled back, all traffic on stable: {reason}");
        await _revisions.StopCanaryAsync();
        var now = options.Time.GetUtcNow();
        Update(j =>
        {
            j.Weight = 0;
            var index = j.Revisions.FindIndex(r => r.Number == j.CanaryRevision);
            j.Revisions[index] = j.Revisions[index] with { Status = RevisionRecord.RolledBack, At = now };
            j.Phase = RolloutPhase.Degraded;
            j.Reason = reason;
            j.ProcessIds = _revisions.ProcessIds;
        });
        await SaveAsync(cancellationToken);
        await _notifier.NotifyAsync($"Rollout *{options.Spec.Name}* rolled back revision {_journal.CanaryRevision}: {reason}", cancellationToken);
        return RolloutPhase.Degraded;
    }

    private Task<TrafficReport>? StartTraffic(CancellationToken cancellationToken)
    {
        if (options.Spec.Traffic is not { } spec) return null;
        var queries = TrafficQueries.Load(spec.GoldenSet ?? options.GoldenSet);
        var source = new TrafficSource(new TrafficOptions
        {
            Target = _revisions!.Router.Address,
            Queries = queries,
            Rate = spec.Rate,
            MaxRequests = spec.MaxRequests,
            MaxDuration = spec.MaxDuration,
            Route = spec.Route,
        }, options.Time);
        return Task.Run(() => source.RunAsync(cancellationToken), CancellationToken.None);
    }

    private static string Describe(TrafficReport report)
    {
        var answered = report.Responses.GroupBy(r => r.Key.Revision).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: " + string.Join(", ", g.OrderBy(r => r.Key.Status).Select(r => $"{r.Value} x {r.Key.Status}")));
        return $"sent {report.Sent} requests ({report.TransportErrors} without a response); " + string.Join("; ", answered);
    }

    private Task<string> CanaryExited()
    {
        if (_revisions!.CanaryProcess is not { } process) return new TaskCompletionSource<string>().Task;
        return Task.Run(async () =>
        {
            var code = await process.WaitForExitAsync(Timeout.InfiniteTimeSpan);
            return $"the canary's process exited (code {code})";
        });
    }

    private void Update(Action<RolloutJournal> change)
    {
        lock (_gate) change(_journal);
    }

    private void Event(string kind, string message)
    {
        Update(j => j.Events.Add(new JournalEvent(options.Time.GetUtcNow(), j.CanaryRevision, kind, message)));
        ControlLog.Event(logger, kind, message);
    }

    private Task SaveAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        lock (_gate) bytes = JournalStore.Serialize(_journal);
        return _store.WriteAsync(bytes, cancellationToken);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RagGate.Server.Rollouts.Control;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Rollouts.Control;

/// <summary>Whole rollouts on a fake clock: promotion, rollback, pauses, commands, notifications and resuming from the journal.</summary>
public sealed class RolloutControllerTests : IAsyncLifetime
{
    private readonly TempFolder _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly EchoRevisionHost _host = new();
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync() => _webhook = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        await _host.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task RunAsync_EveryAnalysisSucceeds_PromotedAndNotified()
    {
        var analysis = new ScriptedAnalysis(AnalysisVerdict.Successful);
        using var controller = Controller(Spec(), analysis);

        var phase = await DriveAsync(controller);

        var journal = controller.Store.Read()!;
        Assert.Equal(RolloutPhase.Healthy, phase);
        Assert.Equal(RolloutPhase.Healthy, journal.Phase);
        Assert.Equal([(1, RevisionRecord.Superseded), (2, RevisionRecord.Stable)], journal.Revisions.Select(r => (r.Number, r.Status)));
        Assert.Equal([("health", 10.0, Revisions.Stable), ("health,quality", 50.0, Revisions.Stable)], analysis.Calls);
        Assert.Equal(100, journal.Weight);
        Assert.Empty(journal.ProcessIds);
        Assert.Null(journal.AdminUrl);
        var texts = Texts();
        Assert.Contains(texts, t => t.Contains("paused", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("promoted revision 2", StringComparison.Ordinal));
        Assert.All(_webhook.Posts, p => Assert.StartsWith("application/json", p.ContentType, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SecondAnalysisFails_RolledBackWithTheReasonAndNotified()
    {
        var analysis = new ScriptedAnalysis(AnalysisVerdict.Successful, AnalysisVerdict.Failed);
        using var controller = Controller(Spec(), analysis);

        var phase = await DriveAsync(controller);

        var journal = controller.Store.Read()!;
        Assert.Equal(RolloutPhase.Degraded, phase);
        Assert.Equal([(1, RevisionRecord.Stable), (2, RevisionRecord.RolledBack)], journal.Revisions.Select(r => (r.Number, r.Status)));
        Assert.Contains("analysis health, quality failed", journal.Reason, StringComparison.Ordinal);
        Assert.Equal(0, journal.Weight);
        Assert.Contains(journal.Events, e => e.Kind == "rollback" && e.Message.Contains("health,quality scripted Failed", StringComparison.Ordinal));
        Assert.Contains(journal.Events, e => e.Kind == "measurement");
        Assert.Contains(Texts(), t => t.Contains("rolled back revision 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_AnalysisErrors_RolledBack()
    {
        using var controller = Controller(Spec(), new ScriptedAnalysis(AnalysisVerdict.Error));

        Assert.Equal(RolloutPhase.Degraded, await DriveAsync(controller));
        Assert.Contains("error", controller.Store.Read()!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PauseUntilPromoted_WaitsThroughAnHourThenGoesOnWhenPromoted()
    {
        var spec = Spec() with { Steps = [new SetWeightStep(20), new PauseStep(null), new SetWeightStep(60)] };
        using var controller = Controller(spec, new ScriptedAnalysis(AnalysisVerdict.Successful));
        var run = controller.RunAsync(CancellationToken.None);

        await AdvanceUntilAsync(() => controller.Store.Read()?.Phase == RolloutPhase.Paused, run);
        for (var i = 0; i < 60; i++) _time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(50);
        Assert.False(run.IsCompleted);
        Assert.Equal(20, controller.Router!.Split.CanaryWeight);
        controller.Commands.Promote(full: false);

        Assert.Equal(RolloutPhase.Healthy, await DriveAsync(controller, run));
    }

    [Fact]
    public async Task RunAsync_AbortWhilePaused_RolledBackAndCanaryGone()
    {
        var spec = Spec() with { Steps = [new SetWeightStep(20), new PauseStep(null)] };
        using var controller = Controller(spec, new ScriptedAnalysis(AnalysisVerdict.Successful));
        var run = controller.RunAsync(CancellationToken.None);
        await AdvanceUntilAsync(() => controller.Store.Read()?.Phase == RolloutPhase.Paused, run);
        var router = controller.Router!;

        controller.Commands.Abort("raggate rollout abort");
        var phase = await DriveAsync(controller, run);

        Assert.Equal(RolloutPhase.Degraded, phase);
        Assert.Equal("aborted: raggate rollout abort", controller.Store.Read()!.Reason);
        Assert.Equal(0, router.Split.CanaryWeight);
        Assert.Equal([Revisions.Stable], router.Destinations.Keys);
    }

    [Fact]
    public async Task RunAsync_PromoteFullWhilePaused_SkipsTheRemainingAnalyses()
    {
        var analysis = new ScriptedAnalysis(AnalysisVerdict.Successful);
        var spec = Spec() with { Steps = [new SetWeightStep(20), new PauseStep(null), new AnalysisStep(["health"]), new SetWeightStep(60)] };
        using var controller = Controller(spec, analysis);
        var run = controller.RunAsync(CancellationToken.None);
        await AdvanceUntilAsync(() => controller.Store.Read()?.Phase == RolloutPhase.Paused, run);

        controller.Commands.Promote(full: true);

        Assert.Equal(RolloutPhase.Healthy, await DriveAsync(controller, run));
        Assert.Empty(analysis.Calls);
        Assert.Contains(controller.Store.Read()!.Events, e => e.Kind == "promote" && e.Message.Contains("--full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_InconclusiveAnalysis_PausesUntilPromoted()
    {
        var analysis = new ScriptedAnalysis(AnalysisVerdict.Inconclusive, AnalysisVerdict.Successful);
        using var controller = Controller(Spec(), analysis);
        var run = controller.RunAsync(CancellationToken.None);

        await AdvanceUntilAsync(() => controller.Store.Read()?.Events.Any(e => e.Message.Contains("inconclusive", StringComparison.Ordinal)) == true, run);
        Assert.Equal(RolloutPhase.Paused, controller.Store.Read()!.Phase);
        controller.Commands.Promote(full: false);

        Assert.Equal(RolloutPhase.Healthy, await DriveAsync(controller, run));
    }

    [Fact]
    public async Task RunAsync_Baseline_StartedFromStableAndJudgedAgainst()
    {
        var analysis = new ScriptedAnalysis(AnalysisVerdict.Successful);
        var spec = Spec() with { Revisions = Spec().Revisions with { Baseline = true } };
        using var controller = Controller(spec, analysis);

        Assert.Equal(RolloutPhase.Healthy, await DriveAsync(controller));
        Assert.Equal(["http://127.0.0.1:1/stable", "http://127.0.0.1:1/canary", "http://127.0.0.1:1/stable"], _host.Started);
        Assert.All(analysis.Calls, c => Assert.Equal(Revisions.Baseline, c.Control));
    }

    [Fact]
    public async Task RunAsync_JournalMidRollout_ResumesAtItsStepWithHistoryIntact()
    {
        var analysis = new ScriptedAnalysis(AnalysisVerdict.Successful);
        var store = new JournalStore(_state.Path);
        var started = _time.GetUtcNow();
        await store.WriteAsync(new RolloutJournal
        {
            Name = "test",
            Revisions = [new RevisionRecord(1, "http://127.0.0.1:1/stable", RevisionRecord.Stable, started), new RevisionRecord(2, "http://127.0.0.1:1/canary", RevisionRecord.Progressing, started)],
            CanaryRevision = 2,
            Phase = RolloutPhase.Progressing,
            Step = 2,
            Weight = 50,
            StepStartedAt = started,
            Events = [new JournalEvent(started, 2, "start", "before the crash")],
        }, CancellationToken.None);
        using var controller = Controller(Spec(), analysis);

        Assert.Equal(RolloutPhase.Healthy, await DriveAsync(controller));
        var journal = store.Read()!;
        Assert.Equal("before the crash", journal.Events[0].Message);
        Assert.Contains(journal.Events, e => e.Kind == "resume" && e.Message.Contains("step 3 of 5", StringComparison.Ordinal));
        Assert.Equal(["health,quality"], analysis.Calls.Select(c => c.Templates));
        Assert.Equal(50, analysis.Calls[0].CanaryWeight);
    }

    [Fact]
    public void Undo_AfterPromotion_PreviousRevisionStableAgainAsANewNumber()
    {
        var at = _time.GetUtcNow();
        var journal = new RolloutJournal
        {
            Phase = RolloutPhase.Healthy,
            Revisions = [new RevisionRecord(1, "a.yaml", RevisionRecord.Superseded, at), new RevisionRecord(2, "b.yaml", RevisionRecord.RolledBack, at), new RevisionRecord(3, "c.yaml", RevisionRecord.Stable, at)],
        };

        var restored = JournalCommands.Undo(journal, null, at);

        Assert.Equal((4, "a.yaml", RevisionRecord.Stable), (restored.Number, restored.Source, restored.Status));
        Assert.Equal(RevisionRecord.Superseded, journal.Revisions[2].Status);
        Assert.Throws<ArgumentException>(() => JournalCommands.Undo(journal, 2, at));
        Assert.Throws<ArgumentException>(() => JournalCommands.Undo(journal, 9, at));
        Assert.Equal("c.yaml", JournalCommands.Undo(journal, 3, at).Source);
    }

    [Fact]
    public async Task JournalStore_WriteAndRead_RoundTripsAndLeavesNoTempFile()
    {
        var store = new JournalStore(_state.Path);
        var journal = new RolloutJournal { Name = "x", Phase = RolloutPhase.Paused, Events = [new JournalEvent(_time.GetUtcNow(), 1, "pause", "p")] };

        await store.WriteAsync(journal, CancellationToken.None);

        Assert.Equal(RolloutPhase.Paused, store.Read()!.Phase);
        Assert.Equal([JournalStore.FileName], Directory.GetFiles(_state.Path).Select(Path.GetFileName));
        Assert.Contains("\"phase\": \"Paused\"", await File.ReadAllTextAsync(store.FilePath), StringComparison.Ordinal);
    }

    private RolloutSpec Spec() => new()
    {
        Path = Path.Combine(_state.Path, "rollout.yaml"),
        Name = "test",
        Revisions = new RevisionsSpec { Stable = RevisionSource.FromUrl(new Uri("http://127.0.0.1:1/stable")) },
        Steps = [new SetWeightStep(10), new AnalysisStep(["health"]), new SetWeightStep(50), new PauseStep(TimeSpan.FromSeconds(30)), new AnalysisStep(["health", "quality"])],
        AnalysisTemplates = [],
        Notifications = new NotificationSettings { Webhook = _webhook.Address },
    };

    private RolloutController Controller(RolloutSpec spec, IAnalysisRunner analysis) => new(new ControllerOptions
    {
        Spec = spec,
        Canary = RevisionSource.FromUrl(new Uri("http://127.0.0.1:1/canary")),
        StateFolder = _state.Path,
        GoldenSet = "unused.json",
        Revisions = _host,
        Analysis = analysis,
        Time = _time,
    }, NullLogger.Instance);

    private Task<RolloutPhase> DriveAsync(RolloutController controller, Task<RolloutPhase>? run = null)
    {
        run ??= controller.RunAsync(CancellationToken.None);
        return AdvanceUntilAsync(() => false, run).ContinueWith(_ => run, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Moves the fake clock a second at a time until the condition holds or the run ends (bounded in real time).</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, Task run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && !run.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the rollout did not get there in 30 s of real time");
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }
    }

    private List<string> Texts() => _webhook.Posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("text").GetString()!).ToList();
}

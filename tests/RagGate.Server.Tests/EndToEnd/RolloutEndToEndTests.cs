using System.Diagnostics;
using RagGate.Server.Rollouts.Control;
using RagGate.Server.Tests.Rollouts.Control;

namespace RagGate.Server.Tests.EndToEnd;

/// <summary>
/// Whole rollouts with real processes on 127.0.0.1: <c>raggate rollout start</c> runs the controller and the
/// router, stable and canary are <c>raggate serve</c> processes loading the sample's prebuilt index, and every
/// failure comes from the canary's own <c>faults:</c> section. Each run is bounded in time.
/// </summary>
[Collection(SampleKbCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RolloutEndToEndTests(SampleKb sample) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TempFolder _state = new();
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync() => _webhook = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task Start_HealthyCanary_PromotedThenUndoReturnsToThePreviousRevision()
    {
        var spec = Spec("healthy", Health);

        var (code, journal, output) = await RunAsync(spec, sample.WriteConfig("raggate.e2e-healthy.yaml"));

        Assert.True(code == 0, output);
        Assert.Equal(RolloutPhase.Healthy, journal.Phase);
        Assert.Equal([RevisionRecord.Superseded, RevisionRecord.Stable], journal.Revisions.Select(r => r.Status));
        Assert.Contains(_webhook.Posts, p => p.Body.Contains("promoted revision 2", StringComparison.Ordinal));

        // From another terminal, once the controller has exited: undo, then undo --to-revision back to the canary.
        var undo = await RaggateProcess.RunAsync(sample.Folder, "rollout", "undo", "--state", _state.Path);
        var afterUndo = new JournalStore(_state.Path).Read()!;
        var redo = await RaggateProcess.RunAsync(sample.Folder, "rollout", "undo", "--to-revision", "2", "--state", _state.Path);
        var history = await RaggateProcess.RunAsync(sample.Folder, "rollout", "history", "--state", _state.Path);

        Assert.True(undo.ExitCode == 0, undo.Stderr);
        Assert.Equal((3, journal.Revisions[0].Source), (afterUndo.StableRevision!.Number, afterUndo.StableRevision.Source));
        Assert.True(redo.ExitCode == 0, redo.Stderr);
        var after = new JournalStore(_state.Path).Read()!;
        Assert.Equal((4, journal.Revisions[1].Source), (after.StableRevision!.Number, after.StableRevision.Source));
        Assert.Contains("revision 1 (", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("is stable again as revision 3", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("revision 2 (", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("is stable again as revision 4", history.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CanaryFailingTwentyPercent_RolledBackAndStableClientsSawNoErrors()
    {
        var canary = sample.WriteConfig("raggate.e2e-errors.yaml", "faults:\n  error_rate: 0.2\n  seed: 5\n");

        var (code, journal, output) = await RunAsync(Spec("errors", Health), canary);

        Assert.True(code == 1, output);
        Assert.Equal(RolloutPhase.Degraded, journal.Phase);
        Assert.Contains("error-rate", journal.Reason, StringComparison.Ordinal);
        var traffic = journal.Events.Last(e => e.Kind == "traffic").Message;
        Assert.Matches(@"canary: [^;]*x 500", traffic);
        Assert.DoesNotMatch(@"stable: [^;]*x 5\d\d", traffic);
        Assert.Contains(_webhook.Posts, p => p.Body.Contains("rolled back revision 2", StringComparison.Ordinal));
        AssertRollbackWithinOneSecond(journal);
    }

    [Fact]
    public async Task Start_Canary400MsSlower_RolledBackOnLatency()
    {
        var canary = sample.WriteConfig("raggate.e2e-slow.yaml", "faults:\n  latency_ms: 400\n");

        var (code, journal, output) = await RunAsync(Spec("slow", Health), canary);

        Assert.True(code == 1, output);
        Assert.Equal(RolloutPhase.Degraded, journal.Phase);
        Assert.Contains("metric 'latency' (latency) failed", journal.Reason, StringComparison.Ordinal);
        Assert.Contains("slower than the control", journal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SampleSpecTinyChunksCanary_RolledBackByLiveQualityThoughErrorsAndLatencyPass()
    {
        // The shipped sample spec (steps, traffic, judge, templates) and the sample's weaker config, as the issue's
        // done-when runs them, with one change: the absolute p95 ceiling (500 ms) lifted, because on a shared CI
        // machine it judges the machine's load, not the canary (the revisions are still compared with each other).
        var shipped = File.ReadAllText(Path.Combine(sample.Folder, "rollout.yaml"));
        var lifted = shipped.Replace("p95CeilingMs: 500", "p95CeilingMs: 60000", StringComparison.Ordinal)
            .Replace("successCondition: result.p95 < 500", "successCondition: result.p95 < 60000", StringComparison.Ordinal);
        Assert.Contains("p95CeilingMs: 60000", lifted, StringComparison.Ordinal);
        Assert.DoesNotContain("result.p95 < 500", lifted, StringComparison.Ordinal);
        var spec = sample.WriteFile("rollout.e2e-tiny.yaml", lifted.Replace("name: support-kb\n", "name: e2e-tiny\n", StringComparison.Ordinal));
        var canary = Path.Combine(sample.Folder, "raggate.tiny-chunks.yaml");

        var (code, journal, output) = await RunAsync(spec, canary);

        var events = string.Join('\n', journal.Events.Select(e => $"{e.Kind}: {e.Message}"));
        Assert.True(code == 1, output);
        Assert.Equal(RolloutPhase.Degraded, journal.Phase);
        Assert.True(journal.Reason!.Contains("metric 'golden-probes' (quality) failed", StringComparison.Ordinal), events);
        Assert.Contains("live quality dropped", journal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(journal.Events, e => e.Kind == "measurement" && !e.Message.StartsWith("golden-probes", StringComparison.Ordinal) && e.Message.Contains("): Failed", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"canary: [^;]*x 5\d\d", journal.Events.Last(e => e.Kind == "traffic").Message);
        var history = await RaggateProcess.RunAsync(sample.Folder, "rollout", "history", "--state", _state.Path);
        Assert.Contains("golden-probes", history.Stdout.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CanaryCrashesMidAnalysis_RolledBack()
    {
        var canary = sample.WriteConfig("raggate.e2e-crash.yaml", "faults:\n  crash_after_requests: 20\n");

        var (code, journal, output) = await RunAsync(Spec("crash", Health), canary);

        Assert.True(code == 1, output);
        Assert.Equal(RolloutPhase.Degraded, journal.Phase);
        Assert.Contains(journal.Events, e => e.Kind == "analysis" && e.Message.Contains("started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ControllerSigkilledMidRollout_ResumesOnRestartWithHistoryIntact()
    {
        var spec = Spec("resume", Health, pause: "      - pause: {duration: 6s}\n");
        var canary = sample.WriteConfig("raggate.e2e-resume.yaml");
        // Disposed at the end only: its cleanup would stop the orphans the restarted controller must find.
        await using var first = RolloutProcess.Start(sample.Folder, _state.Path, "--spec", spec, "--canary", canary);
        var paused = await first.WaitForJournalAsync(j => j.Phase == RolloutPhase.Paused, Bound);
        var orphans = paused.ProcessIds;
        await first.KillHardAsync();
        Assert.Equal(3, orphans.Count);
        Assert.All(orphans, id => Assert.False(Exited(id)));

        var (code, journal, output) = await RunAsync(spec, canary);

        Assert.True(code == 0, output);
        Assert.Equal("start", journal.Events[0].Kind);
        Assert.Contains(journal.Events, e => e.Kind == "resume" && e.Message.Contains("controller restarted", StringComparison.Ordinal));
        Assert.Equal(1, journal.Events.Count(e => e.Kind == "start"));
        Assert.Equal(RolloutPhase.Healthy, journal.Phase);
        Assert.All(orphans, id => Assert.True(Exited(id), $"orphan {id} still running"));
    }

    // Three measurements 6 s apart; one sparse window (a cold revision on a loaded machine) is allowed to be
    // inconclusive, and latency needs two failures, so noise between two equal revisions does not roll back.
    private const string Health = """
          - name: health
            metrics:
              - name: error-rate
                interval: 6s
                count: 3
                inconclusiveLimit: 1
                successCondition: result.errorRate <= 0.01
                provider: {raggate: {measure: errors}}
              - name: latency
                interval: 6s
                count: 3
                inconclusiveLimit: 1
                failureLimit: 1
                successCondition: result.p95 < 60000
                provider: {raggate: {measure: latency}}

        """;

    private string Spec(string name, string templates, string analysis = "[{templateName: health}]", string pause = "") =>
        sample.WriteFile($"rollout.e2e-{name}.yaml", $$"""
            version: 1
            name: e2e-{{name}}
            revisions:
              stable:
                config: {{Path.GetFileName(sample.WriteConfig($"raggate.e2e-stable-{name}.yaml"))}}
              # The canary is judged against a copy of stable started with it and given the same share of traffic
              # (Kayenta's baseline): against long-running stable with 70% of the requests, two equal revisions
              # differed by 30% at p50 on a loaded machine (JIT tiering and queues follow the traffic share).
              baseline: true
            traffic:
              rate: 20
              maxRequests: 6000
              maxDuration: 150s
            judge:
              minSamples: 20
              # Revisions are compared with each other here: on a shared CI machine the absolute p95 ceiling
              # would judge the machine's load, not the canary (the judge's unit tests cover the ceiling).
              p95CeilingMs: 60000
              probes: {k: 5, minProbes: 20}
            notifications:
              webhook: {{_webhook.Address}}
            strategy:
              canary:
                steps:
                  - setWeight: 30
            {{pause}}      - analysis: {templates: {{analysis}}}
            analysisTemplates:
            {{templates}}
            """);

    private async Task<(int Code, RolloutJournal Journal, string Output)> RunAsync(string spec, string canary)
    {
        await using var rollout = RolloutProcess.Start(sample.Folder, _state.Path, "--spec", spec, "--canary", canary, "--allow-faults");
        var code = await rollout.WaitAsync(Bound);
        return (code, new JournalStore(_state.Path).Read()!, rollout.Output);
    }

    private static void AssertRollbackWithinOneSecond(RolloutJournal journal)
    {
        var verdict = journal.Events.Last(e => e.Kind == "analysis" && e.Message.Contains("Failed", StringComparison.Ordinal));
        var rollback = journal.Events.Single(e => e.Kind == "rollback");
        Assert.True(rollback.At - verdict.At < TimeSpan.FromSeconds(1), $"{verdict.At:O} -> {rollback.At:O}");
    }

    private static bool Exited(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

using RagGate.Server.Rollouts.Control;

namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// <c>raggate rollout</c> from another terminal, on a journal a finished rollout left: status, history and
/// undo act on it; bad input is one line and exit code 2 before anything starts.
/// </summary>
public sealed class RolloutCommandTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task StatusHistoryUndo_FinishedRollout_ReadAndUndoTheJournal()
    {
        await WritePromotedJournalAsync();

        var status = await RaggateProcess.RunAsync(_state.Path, "rollout", "status", "--state", _state.Path);
        var undo = await RaggateProcess.RunAsync(_state.Path, "rollout", "undo", "--state", _state.Path);
        var history = await RaggateProcess.RunAsync(_state.Path, "rollout", "history", "--state", _state.Path);

        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Contains("rollout support-kb: Healthy", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("stable:  revision 2 (b.yaml)", status.Stdout, StringComparison.Ordinal);
        Assert.True(undo.ExitCode == 0, undo.Stderr);
        Assert.Contains("revision 3 (a.yaml) is stable", undo.Stdout, StringComparison.Ordinal);
        Assert.Contains("3         stable       a.yaml", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("revision 1 (a.yaml) is stable again as revision 3", history.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_FinishedRollout_ExitTwoWithOneLine()
    {
        await WritePromotedJournalAsync();

        var result = await RaggateProcess.RunAsync(_state.Path, "rollout", "promote", "--state", _state.Path);

        AssertOneLineExitTwo(result, "the rollout has finished (Healthy)");
    }

    [Fact]
    public async Task Undo_RunningRollout_RollsBackToStableAndRefusesAnotherRevision()
    {
        var commands = new ControllerCommands();
        await using var admin = await AdminEndpoint.StartAsync(commands, CancellationToken.None);
        await WriteRunningJournalAsync(admin.Address);

        var elsewhere = await RaggateProcess.RunAsync(_state.Path, "rollout", "undo", "--to-revision", "2", "--state", _state.Path);
        var abortedByElsewhere = commands.AbortReason;
        var undo = await RaggateProcess.RunAsync(_state.Path, "rollout", "undo", "--state", _state.Path);

        AssertOneLineExitTwo(elsewhere, "--to-revision 2: a rollout is in progress; undo rolls it back to stable revision 1");
        Assert.Null(abortedByElsewhere);
        Assert.True(undo.ExitCode == 0, undo.Stderr);
        Assert.Contains("rolling back to stable revision 1", undo.Stdout, StringComparison.Ordinal);
        Assert.Equal("raggate rollout undo", commands.AbortReason);
    }

    [Theory]
    [InlineData("status", "--state: missing")]
    [InlineData("undo --to-revision 0 --state .", "--to-revision: 0 is out of range")]
    [InlineData("history --state .", "journal.json: file not found")]
    [InlineData("start --spec missing.yaml", "missing.yaml")]
    public async Task Rollout_BadInput_ExitTwoWithOneLine(string arguments, string expected)
    {
        var result = await RaggateProcess.RunAsync(_state.Path, ["rollout", .. arguments.Split(' ')]);

        AssertOneLineExitTwo(result, expected);
    }

    [Fact]
    public async Task Start_MissingCanaryConfig_ExitTwoBeforeStartingAnything()
    {
        var spec = RepoRoot.Combine("samples", "support-kb", "rollout.yaml");

        var result = await RaggateProcess.RunAsync(_state.Path, "rollout", "start", "--spec", spec, "--canary", "nope.yaml", "--state", _state.Path);

        AssertOneLineExitTwo(result, "--canary: file not found: nope.yaml");
        Assert.False(File.Exists(Path.Combine(_state.Path, JournalStore.FileName)));
    }

    private Task WritePromotedJournalAsync()
    {
        var at = DateTimeOffset.UtcNow;
        return new JournalStore(_state.Path).WriteAsync(new RolloutJournal
        {
            Name = "support-kb",
            Phase = RolloutPhase.Healthy,
            CanaryRevision = 2,
            Weight = 100,
            Revisions = [new RevisionRecord(1, "a.yaml", RevisionRecord.Superseded, at), new RevisionRecord(2, "b.yaml", RevisionRecord.Stable, at)],
            Events = [new JournalEvent(at, 2, "promote", "revision 2 promoted: it is stable now")],
        }, CancellationToken.None);
    }

    private Task WriteRunningJournalAsync(Uri admin)
    {
        var at = DateTimeOffset.UtcNow;
        return new JournalStore(_state.Path).WriteAsync(new RolloutJournal
        {
            Name = "support-kb",
            Phase = RolloutPhase.Progressing,
            CanaryRevision = 2,
            Weight = 10,
            AdminUrl = admin.AbsoluteUri,
            Revisions = [new RevisionRecord(1, "a.yaml", RevisionRecord.Stable, at), new RevisionRecord(2, "b.yaml", RevisionRecord.Progressing, at)],
            Events = [new JournalEvent(at, 2, "start", "revision 2 (b.yaml) against stable revision 1 (a.yaml)")],
        }, CancellationToken.None);
    }

    private static void AssertOneLineExitTwo(RaggateProcess.Result result, string expected)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(lines);
        Assert.StartsWith("raggate: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }
}

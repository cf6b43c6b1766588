using System.Diagnostics;
using RagGate.Server.Rollouts.Control;

namespace RagGate.Server.Tests.EndToEnd;

/// <summary>
/// <c>raggate rollout start</c> as a real child process; on dispose it kills the whole tree and any
/// revision the journal still lists (a SIGKILLed controller's orphans), so no process outlives a test.
/// </summary>
internal sealed class RolloutProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _state;
    private readonly System.Text.StringBuilder _output = new();

    private RolloutProcess(Process process, string state)
    {
        _process = process;
        _state = state;
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static RolloutProcess Start(string workingDirectory, string state, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "raggate.dll"), "rollout", "start", "--state", state, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = new RolloutProcess(Process.Start(start)!, state);
        process.Pump(process._process.StandardOutput);
        process.Pump(process._process.StandardError);
        return process;
    }

    /// <summary>Waits for the exit code; a run over <paramref name="timeout"/> is killed and fails the test.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"raggate rollout start did not end in {timeout.TotalSeconds} s:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no cleanup, the revisions it started keep running.</summary>
    public async Task KillHardAsync()
    {
        using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Polls the journal until <paramref name="condition"/> holds (bounded).</summary>
    public async Task<RolloutJournal> WaitForJournalAsync(Func<RolloutJournal, bool> condition, TimeSpan timeout)
    {
        var store = new JournalStore(_state);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (ReadQuietly(store) is { } journal && condition(journal)) return journal;
            await Task.Delay(100);
        }

        throw new TimeoutException($"the journal did not get there in {timeout.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        if (ReadQuietly(new JournalStore(_state)) is { } journal)
        {
            foreach (var id in journal.ProcessIds)
            {
                try
                {
                    using var orphan = Process.GetProcessById(id);
                    if (orphan.ProcessName == "dotnet" || orphan.ProcessName == "raggate") orphan.Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                }
            }
        }

        _process.Dispose();
    }

    private static RolloutJournal? ReadQuietly(JournalStore store)
    {
        try
        {
            return store.Read();
        }
        catch (Exception e) when (e is IOException or RagGate.Evaluation.InputException)
        {
            return null;
        }
    }

    private void Pump(StreamReader reader) => _ = Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output) _output.AppendLine(line);
        }
    });
}

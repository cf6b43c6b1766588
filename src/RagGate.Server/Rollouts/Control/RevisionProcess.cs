using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// One revision served by a <c>raggate serve</c> child process on 127.0.0.1 with a port the system picks:
/// started, waited on until <c>/readyz</c> answers, and stopped (SIGTERM, then SIGKILL) on dispose.
/// </summary>
public sealed partial class RevisionProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RevisionProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Where the revision listens (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The child's process id, recorded in the journal so a restarted controller can stop an orphan.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the child wrote (stdout and stderr), for error messages.</summary>
    public string Output
    {
        get
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }

    /// <summary>Starts <c>raggate serve --config <paramref name="configPath"/></c> and waits until it is ready.</summary>
    public static async Task<RevisionProcess> StartAsync(
        ServeCommandLine command, string configPath, bool allowFaults, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath))!,
        };
        foreach (var argument in command.Arguments) start.ArgumentList.Add(argument);
        foreach (var argument in (string[])["--config", Path.GetFullPath(configPath), "--urls", "http://127.0.0.1:0"]) start.ArgumentList.Add(argument);
        if (allowFaults) start.ArgumentList.Add("--allow-faults");
        // A revision never runs GitHub Actions' step summary or the parent's terminal width.
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        var revision = new RevisionProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command.FileName}"));
        revision.Pump(revision._process.StandardOutput);
        revision.Pump(revision._process.StandardError);
        try
        {
            await revision.WaitReadyAsync(readyTimeout, cancellationToken);
            return revision;
        }
        catch
        {
            await revision.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop (SIGTERM, in-flight requests finish) and kills it after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        try
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await WaitForExitAsync(grace);
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        var listening = await Task.WhenAny(_address.Task, exited, Task.Delay(Timeout.Infinite, deadline.Token)).ConfigureAwait(false);
        if (listening != _address.Task) throw Failure("did not start listening", cancellationToken);
        Address = await _address.Task;
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited || deadline.IsCancellationRequested) throw Failure("did not become ready", cancellationToken);
            try
            {
                using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative), deadline.Token);
                if (ready.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
            }

            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private Exception Failure(string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var exit = _process.HasExited ? $" (exit code {_process.ExitCode})" : "";
        return new RevisionStartException($"raggate serve {what}{exit}: {LastError()}");
    }

    private string LastError()
    {
        lock (_lines)
        {
            return _lines.LastOrDefault(l => l.StartsWith("raggate:", StringComparison.Ordinal)) ?? _lines.LastOrDefault() ?? "no output";
        }
    }

    private void Pump(StreamReader reader) => _ = Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > KeptLines) _lines.Dequeue();
            }

            if (!_address.Task.IsCompleted && Listening().Match(line) is { Success: true } match)
            {
                _address.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }
    });

    // ASP.NET Core's start line, in the text and the JSON console formats alike.
    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}

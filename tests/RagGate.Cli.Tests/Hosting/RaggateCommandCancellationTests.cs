using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RagGate.Cli.Tests.Hosting;

/// <summary>
/// Ctrl-C during a command: the real raggate process, evaluating an HTTP target that accepted the connection and
/// never answers (a hung service), gets SIGINT; it must stop at once with exit code 130, one line, and no reports.
/// </summary>
public sealed class RaggateCommandCancellationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Eval_SigintWhileTheTargetHangs_ExitsCancelledWithoutReports()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is sent with kill(1)

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _folder.Write("golden.json", """{"queries": [{"query": "How do I reset my password?", "expected_doc_ids": ["passwords"]}]}""");
        _folder.Write("raggate.yaml", $"golden: golden.json\ntarget:\n  kind: http\n  url: http://127.0.0.1:{port}\n  timeout_seconds: 120\n");

        using var process = Process.Start(RaggateProcess.StartInfo(_folder.Path, new Dictionary<string, string>(), "eval", "--config", "raggate.yaml", "--out", "out"))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await kill.WaitForExitAsync();
        // Exit code 130 proves the cancellation: the 120 s request timeout would end as a per-query error and exit 0 or 1.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("raggate: cancelled", (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).Last());
        Assert.DoesNotContain("   at ", await stdout + await stderr);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_folder.Path), p => Path.GetFileName(p).Contains("out", StringComparison.Ordinal));
    }
}

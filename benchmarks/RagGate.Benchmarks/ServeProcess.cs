using System.Diagnostics;

namespace RagGate.Benchmarks;

/// <summary>The published server in its own process on 127.0.0.1, with its resident memory read from /proc.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Resident set size of the server process, in MB.</summary>
    public double RssMb => ReadRssMb(_process.Id);

    public static async Task<ServeProcess> StartAsync(string serverDll, string config, int port)
    {
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", ["exec", serverDll, "--config", config, "--urls", address.AbsoluteUri.TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(config)!,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServeProcess(process, address);
        using var client = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with {process.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the server was not ready in 10 minutes");
            try
            {
                using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }
    }

    public static double ReadRssMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, as an orchestrator stops it: the host finishes in-flight requests and exits 0.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await kill.WaitForExitAsync();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

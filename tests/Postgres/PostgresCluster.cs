using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RagGate.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for one test class: <c>initdb</c> in a temp folder, started on 127.0.0.1 with a
/// free port, stopped and deleted on dispose. PostgreSQL refuses to run as root, so as root every server
/// command runs as the <c>postgres</c> user (the Debian package creates it) in a folder that user owns.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "raggate-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";
    private bool _started;

    /// <summary>The port the server listens on (127.0.0.1 only).</summary>
    public int Port { get; private set; }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>A <c>postgres://</c> URL for <paramref name="database"/> on this cluster.</summary>
    public string Url(string database) => $"postgres://postgres@127.0.0.1:{Port}/{database}";

    /// <summary>Creates an empty database and returns its URL.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t" + Guid.NewGuid().ToString("N")[..16];
        await RunAsync("createdb", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", name]);
        return Url(name);
    }

    /// <summary>Runs one SQL statement in <paramref name="database"/> with psql.</summary>
    public Task ExecuteAsync(string database, string sql) =>
        RunAsync("psql", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql]);

    public async Task InitializeAsync()
    {
        _bin = FindBin();
        Directory.CreateDirectory(_folder);
        if (IsRoot)
            await RunRawAsync("chown", ["postgres:postgres", _folder]);
        await RunAsync("initdb", ["-D", Data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
        Port = FreePort();
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "-o", options, "start"]);
        _started = true;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_started)
                await RunAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            if (Directory.Exists(_folder))
                Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBin()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException($"PostgreSQL server binaries (initdb) not found under {root}; install the Debian package postgresql (.ci/run does)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string tool, string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return IsRoot ? RunRawAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunRawAsync(path, args);
    }

    private static async Task RunRawAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
    }
}

extern alias server;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using server::RagGate.Server.Rollouts.Routing;

namespace RagGate.Benchmarks;

/// <summary>
/// The canary router's overhead: wrk at the same paced request rate against a backend directly, through
/// RagGate's router (10% canary, random split) and through nginx doing the same split (<c>split_clients</c>
/// on <c>$request_id</c>, keepalive upstreams), all on loopback with the same two minimal backends.
/// Prints p50 and p99 and each proxy's added latency over the direct calls. Needs wrk and nginx
/// (Debian packages: <c>apt-get install -y wrk nginx</c>); downloads nothing.
/// </summary>
internal static class RouterBenchmark
{
    public const string Name = "router";

    private const string Body = """{"query":"How do I reset my password?","k":10}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 1000);
        var seconds = (int)Option(args, "--seconds", 20);
        var connections = (int)Option(args, "--connections", 8);
        var nginx = Which("nginx");
        if (nginx is null)
        {
            Console.Error.WriteLine("router: nginx not found; install the Debian package first: apt-get install -y nginx");
            return 2;
        }

        Console.WriteLine($"# canary router overhead, {Environment.ProcessorCount} cores, wrk {connections} connections paced to {rate:0} req/s for {seconds} s; load before: {Uptime()}");
        var response = new byte[512];
        Array.Fill(response, (byte)' ');
        "{\"documents\":[]}"u8.CopyTo(response);
        await using var stable = await FloorServer.StartAsync(response, response);
        await using var canary = await FloorServer.StartAsync(response, response);
        await using var router = await CanaryRouter.StartAsync(stable.Address, new RouterOptions(), CancellationToken.None);
        await router.UpdateAsync(
            new Dictionary<string, Uri> { [Revisions.Stable] = stable.Address, [Revisions.Canary] = canary.Address },
            new TrafficSplit { CanaryWeight = 10, Policy = TrafficSplitPolicies.Random }, CancellationToken.None);
        using var proxy = await NginxSplit.StartAsync(nginx, stable.Address, canary.Address, 10);

        var delayMs = 1000.0 * connections / rate;
        var targets = new (string Label, Uri Url)[]
        {
            ("direct", new Uri(stable.Address, "retrieve")),
            ("raggate router", new Uri(router.Address, "retrieve")),
            ("nginx split_clients", new Uri(proxy.Address, "retrieve")),
        };
        foreach (var (_, url) in targets) await WrkRun.RunAsync(url, Body, connections, 3, delayMs);

        Console.WriteLine("target\trps\tp50_ms\tp99_ms\tadded_p50_ms\tadded_p99_ms\terrors");
        WrkRun? direct = null;
        var added = new Dictionary<string, (double P50, double P99)>();
        foreach (var (label, url) in targets)
        {
            var run = await WrkRun.RunAsync(url, Body, connections, seconds, delayMs);
            direct ??= run;
            added[label] = (run.P50Ms - direct.P50Ms, run.P99Ms - direct.P99Ms);
            Console.WriteLine($"{label}\t{run.RequestsPerSecond:0}\t{run.P50Ms:0.000}\t{run.P99Ms:0.000}\t{added[label].P50:0.000}\t{added[label].P99:0.000}\t{run.Errors}");
        }

        var ours = added["raggate router"].P99;
        var theirs = added["nginx split_clients"].P99;
        Console.WriteLine($"target: router added p99 <= nginx added p99 + 0.5 ms: {ours:0.000} <= {theirs + 0.5:0.000}: {(ours <= theirs + 0.5 ? "met" : "missed")}");
        Console.WriteLine($"load after: {Uptime()}");
        return 0;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        Console.Error.WriteLine($"router: {name}: expected a positive number");
        Environment.Exit(2);
        return fallback;
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string Uptime() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    /// <summary>nginx in the foreground with a weighted split between two upstreams, stopped on dispose.</summary>
    private sealed class NginxSplit : IDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private NginxSplit(Process process, string folder, Uri address)
        {
            _process = process;
            _folder = folder;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<NginxSplit> StartAsync(string nginx, Uri stable, Uri canary, int canaryPercent)
        {
            var folder = Path.Combine(Path.GetTempPath(), "raggate-nginx-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var port = FreePort();
            var conf = $$"""
                worker_processes auto;
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  client_body_temp_path {{folder}}/body;
                  proxy_temp_path {{folder}}/proxy;
                  fastcgi_temp_path {{folder}}/fastcgi;
                  uwsgi_temp_path {{folder}}/uwsgi;
                  scgi_temp_path {{folder}}/scgi;
                  upstream stable { server {{stable.Authority}}; keepalive 64; }
                  upstream canary { server {{canary.Authority}}; keepalive 64; }
                  split_clients "${request_id}" $revision { {{canaryPercent}}% canary; * stable; }
                  server {
                    listen 127.0.0.1:{{port}};
                    location / {
                      proxy_pass http://$revision;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    }
                  }
                }
                """;
            await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), conf);
            var process = Process.Start(new ProcessStartInfo(nginx, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
            {
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("nginx did not start");
            var address = new Uri($"http://127.0.0.1:{port}/");
            using var client = new HttpClient();
            for (var i = 0; ; i++)
            {
                try
                {
                    using var response = await client.GetAsync(address);
                    break;
                }
                catch (HttpRequestException) when (i < 50 && !process.HasExited)
                {
                    await Task.Delay(100);
                }
            }

            return new NginxSplit(process, folder, address);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

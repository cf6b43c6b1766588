using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;

namespace RagGate.Benchmarks;

/// <summary>
/// <c>raggate serve</c> under load: the bare query-embedding rate (the physical limit: one query
/// embedding per request), wrk saturation of POST /retrieve and /answer beside a minimal ASP.NET
/// Core endpoint returning the same bytes, open-loop p50/p99 at half of each saturation, and the
/// server's memory at rest, under load and over a soak. Needs wrk (Debian package) on PATH.
/// </summary>
internal static class ServeBenchmark
{
    public const string Name = "serve";

    private const string Query = "How do I reset my password?";
    private static readonly string RetrieveBody = $$"""{"query":"{{Query}}","k":10}""";
    private static readonly string AnswerBody = $$"""{"query":"{{Query}}"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ServeBenchmarkOptions.Parse(args);
        var folder = Path.Combine(Path.GetTempPath(), "raggate-serve-bench-" + Guid.NewGuid().ToString("N"));
        CopyFolder(options.Sample, folder);
        var config = Path.Combine(folder, "raggate.yaml");
        // The limiter would cap the figure it is meant to measure; everything else as shipped.
        await File.AppendAllTextAsync(config, "\nserver:\n  rate_limit:\n    permits_per_second: 0\n");
        Console.WriteLine($"# raggate serve load, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; load before: {Uptime()}");
        try
        {
            await using var server = await ServeProcess.StartAsync(options.Server, config, FreePort());
            using var http = new HttpClient { BaseAddress = server.Address };
            var retrieveBytes = await PostBytesAsync(http, "retrieve", RetrieveBody);
            var answerBytes = await PostBytesAsync(http, "answer", AnswerBody);
            var rest = server.RssMb;
            Console.WriteLine($"server memory at rest (RSS): {rest:0} MB; response sizes: /retrieve {retrieveBytes.Length} B, /answer {answerBytes.Length} B");

            var embedRate = await QueryEmbeddingRateAsync(config, options.Seconds, callers: Environment.ProcessorCount, batched: false);
            Console.WriteLine($"bare query-embedding rate ({Environment.ProcessorCount} concurrent callers, one query per model run): {embedRate:0.0}/s");
            var batchedRate = await QueryEmbeddingRateAsync(config, options.Seconds, callers: options.Connections, batched: true);
            Console.WriteLine($"batched query-embedding rate ({options.Connections} concurrent callers, concurrent queries share a run, as the server does): {batchedRate:0.0}/s");

            await using var floor = await FloorServer.StartAsync(retrieveBytes, answerBytes);
            Console.WriteLine("endpoint\tsaturation_rps\twrk_p50_ms\twrk_p99_ms\twrk_errors\thalf_rate\tp50_ms\tp99_ms\tp99/p50\terrors\tserver_rss_max_mb");
            foreach (var (label, baseUri, path, body) in new[]
            {
                ("/retrieve", server.Address, "retrieve", RetrieveBody),
                ("/answer", server.Address, "answer", AnswerBody),
                ("floor /retrieve", floor.Address, "retrieve", RetrieveBody),
                ("floor /answer", floor.Address, "answer", AnswerBody),
            })
            {
                var url = new Uri(baseUri, path);
                using var sampler = new RssSampler(server);
                var saturation = await WrkRun.RunAsync(url, body, options.Connections, options.Seconds);
                var half = await OpenLoopRun.RunAsync(url, body, saturation.RequestsPerSecond / 2, options.Seconds);
                Console.WriteLine($"{label}\t{saturation.RequestsPerSecond:0.0}\t{saturation.P50Ms:0.00}\t{saturation.P99Ms:0.00}\t{saturation.Errors}\t"
                    + $"{half.Rate:0.0}\t{half.P50Ms:0.00}\t{half.P99Ms:0.00}\t{half.P99Ms / half.P50Ms:0.0}\t{half.Errors}\t{sampler.MaxMb:0}");
            }

            await SoakAsync(server, options);
            Console.WriteLine($"load after: {Uptime()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SoakAsync(ServeProcess server, ServeBenchmarkOptions options)
    {
        var samples = new List<(double Seconds, double Mb)>();
        var clock = Stopwatch.StartNew();
        var soak = WrkRun.RunAsync(new Uri(server.Address, "retrieve"), RetrieveBody, options.Connections, options.SoakSeconds);
        while (!soak.IsCompleted)
        {
            await Task.WhenAny(soak, Task.Delay(TimeSpan.FromSeconds(10)));
            samples.Add((clock.Elapsed.TotalSeconds, server.RssMb));
        }

        var run = await soak;
        var first = samples[0].Mb;
        var last = samples[^1].Mb;
        Console.WriteLine($"soak: wrk /retrieve {options.SoakSeconds} s at {options.Connections} connections, {run.RequestsPerSecond:0.0} req/s, {run.Errors} errors; "
            + $"RSS first {first:0} MB, last {last:0} MB, max {samples.Max(s => s.Mb):0} MB, growth {(last - first) / first * 100:+0.0;-0.0}%");
        Console.WriteLine("soak RSS (s, MB): " + string.Join(" ", samples.Select(s => $"{s.Seconds:0}:{s.Mb:0}")));
    }

    private static async Task<double> QueryEmbeddingRateAsync(string configPath, int seconds, int callers, bool batched)
    {
        var config = RagGateConfigLoader.Load(configPath);
        using var embedder = RagEngine.CreateEmbedder(config.Engine.Embedding, batchConcurrentQueries: batched, serving: true);
        await embedder.EmbedAsync([Query], isQuery: true);
        var done = 0L;
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await embedder.EmbedAsync([Query], isQuery: true);
                Interlocked.Increment(ref done);
            }
        }));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers);
        return done / clock.Elapsed.TotalSeconds;
    }

    private static async Task<byte[]> PostBytesAsync(HttpClient http, string path, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Uptime() => File.Exists("/proc/loadavg") ? "loadavg " + File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(".raggate", StringComparison.Ordinal) || relative.StartsWith("tests", StringComparison.Ordinal)) continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>Samples the server's RSS every 250 ms while a run lasts and keeps the largest.</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private double _max;

        public RssSampler(ServeProcess server) => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _max = Math.Max(_max, server.RssMb);
                try
                {
                    await Task.Delay(250, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        public double MaxMb => _max;

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }
}

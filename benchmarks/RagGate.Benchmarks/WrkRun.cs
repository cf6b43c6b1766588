using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RagGate.Benchmarks;

/// <summary>One closed-loop wrk run (saturation): requests per second, latency percentiles and errors.</summary>
internal sealed partial record WrkRun(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors)
{
    public static async Task<WrkRun> RunAsync(Uri url, string jsonBody, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"raggate-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, $"wrk.method = \"POST\"\nwrk.body = [[{jsonBody}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
        try
        {
            var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url.AbsoluteUri])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            return Parse(output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static WrkRun Parse(string output)
    {
        double Number(Regex pattern) => pattern.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        double Percentile(string p)
        {
            var m = Regex.Match(output, $@"^\s*{p}%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success) return double.NaN;
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
        }

        var non2xx = Number(Non2xx());
        var socket = SocketErrors().Match(output);
        var socketErrors = socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkRun(Number(Rps()), Percentile("50"), Percentile("99"), (long)(double.IsNaN(non2xx) ? 0 : non2xx) + socketErrors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex Rps();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")]
    private static partial Regex SocketErrors();
}

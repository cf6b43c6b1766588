using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagGate.Server.Tests.EndToEnd;

/// <summary>
/// <c>raggate eval</c> over HTTP against the server on a real Kestrel reproduces the in-process
/// run's retrieval metrics exactly, on the sample's golden set.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed partial class HttpEvalEndToEndTests(SampleKb sample)
{
    [Fact]
    public async Task Eval_OverHttpAgainstServe_EqualsInProcessRetrievalMetrics()
    {
        var embedded = sample.WriteConfig("raggate.e2e.yaml");
        await using var server = await KestrelServer.StartAsync(embedded);
        var http = sample.WriteConfig("raggate.e2e-http.yaml", $"""
            target:
              kind: http
              url: {server.Address}
              timeout_seconds: 60
            """);
        var inProcessOut = Path.Combine(sample.Folder, "out-embedded");
        var httpOut = Path.Combine(sample.Folder, "out-http");

        var overHttp = await RaggateProcess.RunAsync(sample.Folder, "eval", "--config", http, "--out", httpOut);
        var inProcess = await RaggateProcess.RunAsync(sample.Folder, "eval", "--config", embedded, "--out", inProcessOut);

        Assert.True(overHttp.ExitCode is 0 or 1, $"http eval exited {overHttp.ExitCode}: {overHttp.Stderr}");
        Assert.True(inProcess.ExitCode is 0 or 1, $"embedded eval exited {inProcess.ExitCode}: {inProcess.Stderr}");
        var expected = RetrievalMetrics(inProcessOut);
        var actual = RetrievalMetrics(httpOut);
        Assert.Contains("recall@10", expected.Keys);
        Assert.Contains("ndcg@10", expected.Keys);
        Assert.Equal(expected, actual);
        Assert.Equal(0, ErrorCount(httpOut));
    }

    /// <summary>Every retrieval metric of report.json (and keyword coverage, which reads the retrieved text), by name.</summary>
    private static SortedDictionary<string, double> RetrievalMetrics(string folder)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in report.RootElement.GetProperty("scorecard").GetProperty("metrics").EnumerateArray())
        {
            var name = metric.GetProperty("name").GetString()!;
            if (RetrievalName().IsMatch(name)) metrics[name] = metric.GetProperty("value").GetDouble();
        }

        return metrics;
    }

    private static int ErrorCount(string folder)
    {
        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        return run.RootElement.GetProperty("queries").EnumerateArray().Count(q => q.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String);
    }

    [GeneratedRegex("^(recall|precision|ndcg|mrr|map|success|r_precision|keyword_coverage)")]
    private static partial Regex RetrievalName();
}

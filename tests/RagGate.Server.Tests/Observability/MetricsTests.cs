using System.Net.Http.Json;

namespace RagGate.Server.Tests.Observability;

/// <summary><c>/metrics</c> is Prometheus text from OpenTelemetry with the request, retrieval and answer histograms and the counters.</summary>
[Collection(SampleKbCollection.Name)]
public sealed class MetricsTests(SampleKb sample)
{
    [Fact]
    public async Task Metrics_AfterAnswersAndAnError_HasHistogramsPerRouteAndStatusAndCounters()
    {
        await using var server = new ServerFactory(sample.WriteConfig("raggate.metrics.yaml"));
        await server.WaitReadyAsync();
        using var client = server.CreateClient();
        (await client.PostAsJsonAsync("/answer", new { query = "How do I reset my password?" })).Dispose();
        (await client.PostAsJsonAsync("/answer", new { query = "What is the airspeed of an unladen swallow?" })).Dispose();
        (await client.PostAsJsonAsync("/retrieve", new { query = "reset", k = 0 })).Dispose();

        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var lines = text.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/answer\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/retrieve\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"400\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("raggate_retrieval_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("raggate_answer_duration_seconds_count", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("raggate_tokens_total{", StringComparison.Ordinal) && l.Contains("type=\"prompt\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("raggate_refusals_total", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("raggate_errors_total{", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"400\"", StringComparison.Ordinal));
    }
}

using System.Diagnostics.Metrics;

namespace RagGate.Server.Rollouts.Routing;

/// <summary>The router's instruments at <c>/metrics</c>: requests, errors and latency per revision.</summary>
internal sealed class RouterMetrics
{
    /// <summary>The meter name registered with OpenTelemetry.</summary>
    public const string MeterName = "RagGate.Router";

    // Seconds; from a tenth of a millisecond, since the router's own overhead is that small.
    private static readonly IReadOnlyList<double> LatencyBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    public RouterMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("raggate.router.requests", "{request}", "Requests forwarded, by revision.");
        _errors = meter.CreateCounter<long>("raggate.router.errors", "{request}", "Requests answered 500 or above, by revision.");
        _duration = meter.CreateHistogram("raggate.router.request.duration", "s", "Time to answer a request through the router, by revision.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    public void Record(string revision, RequestSample sample)
    {
        var tag = new KeyValuePair<string, object?>("revision", revision);
        _requests.Add(1, tag);
        if (sample.IsError) _errors.Add(1, tag);
        _duration.Record(sample.LatencyMs / 1000, tag);
    }
}

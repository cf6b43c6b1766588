using System.Diagnostics.Metrics;
using RagGate.Evaluation.Targets;

namespace RagGate.Server.Observability;

/// <summary>
/// The RAG service's own instruments, exported at <c>/metrics</c> beside ASP.NET Core's request
/// duration histogram: retrieval and answer latency, tokens, refusals and errors.
/// </summary>
internal sealed class ServerMetrics
{
    /// <summary>The meter name registered with OpenTelemetry.</summary>
    public const string MeterName = "RagGate.Server";

    // Seconds, as OpenTelemetry's semantic conventions ask; the engine answers in milliseconds, so the
    // buckets start at 1 ms.
    private static readonly IReadOnlyList<double> LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10];

    private readonly Histogram<double> _retrieval;
    private readonly Histogram<double> _answer;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _errors;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        _retrieval = meter.CreateHistogram("raggate.retrieval.duration", "s", "Time to retrieve the documents of one query.", advice: advice);
        _answer = meter.CreateHistogram("raggate.answer.duration", "s", "Time to answer one query, retrieval included.", advice: advice);
        _tokens = meter.CreateCounter<long>("raggate.tokens", "{token}", "Tokens of answers, by type (prompt, completion, context).");
        _refusals = meter.CreateCounter<long>("raggate.refusals", "{answer}", "Answers refused for lack of relevant context.");
        _errors = meter.CreateCounter<long>("raggate.errors", "{request}", "Requests answered with an error status, by route and status.");
    }

    public void Retrieved(TimeSpan elapsed) => _retrieval.Record(elapsed.TotalSeconds);

    public void Answered(TimeSpan elapsed, TokenUsage usage, bool refused)
    {
        _answer.Record(elapsed.TotalSeconds);
        _tokens.Add(usage.PromptTokens, new KeyValuePair<string, object?>("type", "prompt"));
        _tokens.Add(usage.CompletionTokens, new KeyValuePair<string, object?>("type", "completion"));
        _tokens.Add(usage.ContextTokens, new KeyValuePair<string, object?>("type", "context"));
        if (refused) _refusals.Add(1);
    }

    public void Failed(string route, int statusCode) =>
        _errors.Add(1, new KeyValuePair<string, object?>("http.route", route), new KeyValuePair<string, object?>("http.response.status_code", statusCode));
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// The router's step in YARP's proxy pipeline, in place of load balancing: picks the revision (forced by
/// <c>X-Canary</c>, else by the split's policy), narrows the destinations to it, and records what came back.
/// Unforced users of a revision that is down (passive health) go to stable; a forced request to a revision
/// that is down gets 503 problem+json.
/// </summary>
internal sealed class TrafficSplitMiddleware(
    RequestDelegate next, TrafficSplitPolicyRegistry policies, RouterStatistics statistics, RouterMetrics metrics, TimeProvider time)
{
    // Parsed once per config version: YARP hands out a new ClusterConfig on every update.
    private readonly ConditionalWeakTable<ClusterConfig, TrafficSplit> _splits = [];

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var proxy = context.GetReverseProxyFeature();
        var split = _splits.GetValue(proxy.Cluster.Config, c => TrafficSplit.FromMetadata(c.Metadata));
        var forcedBy = context.Request.Headers[CanaryHeader.Name].ToString();
        var forced = forcedBy.Length > 0;
        string revision;
        if (forced)
        {
            if (CanaryHeader.Revision(forcedBy) is not { } chosen)
            {
                await TypedResults.Problem(title: "Bad X-Canary header",
                    detail: $"X-Canary: '{forcedBy}' is not allowed; expected {CanaryHeader.Always}, {CanaryHeader.Never} or {CanaryHeader.Baseline}",
                    statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }

            revision = chosen;
        }
        else
        {
            revision = policies.Find(split.Policy)?.Pick(context, split) ?? Revisions.Stable;
        }

        var destination = Find(proxy.AvailableDestinations, revision);
        if (destination is null && !forced && revision != Revisions.Stable)
        {
            revision = Revisions.Stable;
            destination = Find(proxy.AvailableDestinations, revision);
        }

        context.Response.Headers[CanaryHeader.Served] = revision;
        try
        {
            if (destination is null)
            {
                await Down(revision, forced).ExecuteAsync(context);
                return;
            }

            proxy.AvailableDestinations = destination;
            await next(context);
        }
        finally
        {
            var sample = new RequestSample(time.GetUtcNow(), Stopwatch.GetElapsedTime(start).TotalMilliseconds, context.Response.StatusCode, forced);
            statistics.Record(revision, sample);
            metrics.Record(revision, sample);
        }
    }

    private static DestinationState? Find(IReadOnlyList<DestinationState> destinations, string revision)
    {
        foreach (var destination in destinations)
        {
            if (destination.DestinationId == revision) return destination;
        }

        return null;
    }

    private static ProblemHttpResult Down(string revision, bool forced) => TypedResults.Problem(
        title: "Revision unavailable",
        detail: forced
            ? $"X-Canary asked for the {revision} revision, which is not running or failed its health checks; no other revision answers for it."
            : $"The {revision} revision is not running or failed its health checks.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RagGate.Evaluation;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>
/// An errors or latency metric as Argo Rollouts' Prometheus provider: one query over the canary service's
/// request-duration histogram (what <c>raggate serve</c> exports at /metrics), the spec's conditions with
/// <c>result.FIELD</c> written as <c>result[0]</c>, and the judge's ceiling folded into them.
/// </summary>
internal static partial class PrometheusMetric
{
    private const string Series = "http_server_request_duration_seconds";
    private const string Service = $"service=\"{{{{args.{ArgoNames.CanaryServiceArg}}}}}\"";

    /// <summary>The result fields a single Prometheus query can give.</summary>
    public static readonly string[] Exportable = [ResultFields.ErrorRate, ResultFields.P50, ResultFields.P95, ResultFields.P99];

    public static JsonObject Provider(RolloutSpec spec, MetricSpec metric, string field)
    {
        var window = $"[{DurationText.Format(Max(metric.Interval ?? TimeSpan.Zero, TimeSpan.FromMinutes(1)))}]";
        var query = field == ResultFields.ErrorRate
            ? $"sum(rate({Series}_count{{{Service},http_response_status_code=~\"5..\"}}{window}))\n/ sum(rate({Series}_count{{{Service}}}{window}))"
            : $"1000 * histogram_quantile({Quantile(field)}, sum by (le) (rate({Series}_bucket{{{Service}}}{window})))";
        return new JsonObject
        {
            ["prometheus"] = new JsonObject { ["address"] = spec.Argo.Prometheus.ToString().TrimEnd('/'), ["query"] = query },
        };
    }

    /// <summary>The one field the metric's conditions read (errorRate or p95 when they read none); refuses what one query cannot give.</summary>
    public static string Field(RolloutSpec spec, MetricSpec metric)
    {
        var used = (metric.SuccessCondition?.Fields ?? []).Concat(metric.FailureCondition?.Fields ?? []).Distinct().ToList();
        if (used.Count == 0)
            return metric.Measure == MeasureKind.Errors ? ResultFields.ErrorRate : ResultFields.P95;
        if (used.Count == 1 && Exportable.Contains(used[0]))
            return used[0];
        throw InputException.At(spec.Path, $"analysisTemplates: metric '{metric.Name}'",
            $"its conditions read {string.Join(", ", used.Select(f => "result." + f))}, but Argo's Prometheus provider gives one value per metric; "
            + $"expected conditions over one of {string.Join(", ", Exportable.Select(f => "result." + f))} (split the metric in two to export it)");
    }

    /// <summary>The success and failure conditions for Argo, with the judge's ceiling on errorRate or p95 folded in.</summary>
    public static (string? Success, string? Failure) Conditions(MetricSpec metric, string field, JudgeSettings judge)
    {
        var success = metric.SuccessCondition is null ? null : Translate(metric.SuccessCondition.Text, field);
        var failure = metric.FailureCondition is null ? null : Translate(metric.FailureCondition.Text, field);
        double? ceiling = field switch
        {
            ResultFields.ErrorRate => judge.ErrorRateCeiling,
            ResultFields.P95 => judge.P95CeilingMs,
            _ => null,
        };
        if (ceiling is not { } c)
            return (success, failure);
        var limit = c.ToString("R", CultureInfo.InvariantCulture);
        if (failure is not null)
            failure = $"({failure}) || result[0] > {limit}";
        if (success is not null || failure is null)
            success = success is null ? $"result[0] <= {limit}" : $"({success}) && result[0] <= {limit}";
        return (success, failure);
    }

    private static string Translate(string condition, string field) =>
        FieldReference().Replace(condition, m => m.Groups["f"].Value == field ? "result[0]" : m.Value);

    private static string Quantile(string field) => field switch
    {
        ResultFields.P50 => "0.5",
        ResultFields.P99 => "0.99",
        _ => "0.95",
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [GeneratedRegex(@"result\.(?<f>[A-Za-z0-9_]+)")]
    private static partial Regex FieldReference();
}

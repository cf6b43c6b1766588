using System.Text.Json.Nodes;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>An <c>AnalysisTemplate</c>: the spec template's metrics with Argo's own fields, each on a provider Argo has.</summary>
internal static class AnalysisTemplateManifest
{
    public static JsonObject Build(RolloutSpec spec, AnalysisTemplateSpec template) => new()
    {
        ["apiVersion"] = ArgoNames.ApiVersion,
        ["kind"] = "AnalysisTemplate",
        ["metadata"] = ArgoNames.Metadata(spec, ArgoNames.Template(spec, template.Name)),
        ["spec"] = new JsonObject
        {
            ["args"] = new JsonArray(new JsonObject { ["name"] = ArgoNames.CanaryServiceArg }),
            ["metrics"] = new JsonArray([.. template.Metrics.Select(m => Metric(spec, m))]),
        },
    };

    private static JsonObject Metric(RolloutSpec spec, MetricSpec metric)
    {
        var json = new JsonObject { ["name"] = metric.Name };
        if (metric.Interval is { } interval) json["interval"] = DurationText.Format(interval);
        if (metric.Count is { } count) json["count"] = count;
        if (metric.InitialDelay > TimeSpan.Zero) json["initialDelay"] = DurationText.Format(metric.InitialDelay);
        json["failureLimit"] = metric.FailureLimit;
        json["inconclusiveLimit"] = metric.InconclusiveLimit;
        json["consecutiveErrorLimit"] = metric.ConsecutiveErrorLimit;
        if (metric.Measure == MeasureKind.Quality)
        {
            json["provider"] = EvalJobMetric.Provider(spec, metric);
            return json;
        }
        var field = PrometheusMetric.Field(spec, metric);
        var (success, failure) = PrometheusMetric.Conditions(metric, field, spec.Judge);
        if (success is not null) json["successCondition"] = success;
        if (failure is not null) json["failureCondition"] = failure;
        json["provider"] = PrometheusMetric.Provider(spec, metric, field);
        return json;
    }
}

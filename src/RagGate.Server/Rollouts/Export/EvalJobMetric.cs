using System.Text.Json.Nodes;
using RagGate.Evaluation;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>
/// A quality metric as Argo Rollouts' job provider: a Job running <c>raggate eval</c> from the tool's image against
/// the canary service, with the eval config and golden set mounted from a ConfigMap. The job succeeds when every
/// gate passes (exit 0), so the metric is Successful; a failed gate fails the job and the metric.
/// </summary>
internal static class EvalJobMetric
{
    public static JsonObject Provider(RolloutSpec spec, MetricSpec metric)
    {
        if (metric.SuccessCondition is not null || metric.FailureCondition is not null)
            throw InputException.At(spec.Path, $"analysisTemplates: metric '{metric.Name}'",
                "a quality metric exports as a job whose verdict is raggate eval's gates, which has no result to test; expected no successCondition or failureCondition on it");
        return new JsonObject
        {
            ["job"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["backoffLimit"] = 0,
                    ["activeDeadlineSeconds"] = 900,
                    ["template"] = new JsonObject { ["spec"] = PodSpec(spec) },
                },
            },
        };
    }

    private static JsonObject PodSpec(RolloutSpec spec) => new()
    {
        ["restartPolicy"] = "Never",
        ["containers"] = new JsonArray(new JsonObject
        {
            ["name"] = "raggate-eval",
            ["image"] = spec.Argo.Image,
            ["command"] = new JsonArray("raggate"),
            ["args"] = new JsonArray("eval", "--config", $"{ArgoNames.EvalMountPath}/{EvalConfigMap.ConfigKey}", "--out", "/tmp/raggate-report"),
            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "eval", ["mountPath"] = ArgoNames.EvalMountPath, ["readOnly"] = true }),
        }),
        ["volumes"] = new JsonArray(new JsonObject
        {
            ["name"] = "eval",
            ["configMap"] = new JsonObject { ["name"] = ArgoNames.EvalConfigMap(spec) },
        }),
    };
}

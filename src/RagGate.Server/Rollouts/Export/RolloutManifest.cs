using System.Text.Json.Nodes;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>The <c>Rollout</c>: the revision's pods (raggate serve) and the spec's canary steps, one for one.</summary>
internal static class RolloutManifest
{
    public static JsonObject Build(RolloutSpec spec) => new()
    {
        ["apiVersion"] = ArgoNames.ApiVersion,
        ["kind"] = "Rollout",
        ["metadata"] = ArgoNames.Metadata(spec, spec.Name),
        ["spec"] = new JsonObject
        {
            ["replicas"] = spec.Argo.Replicas,
            ["revisionHistoryLimit"] = 3,
            ["selector"] = new JsonObject { ["matchLabels"] = ArgoNames.Selector(spec) },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = ArgoNames.Selector(spec) },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(Container(spec)) },
            },
            ["strategy"] = new JsonObject
            {
                ["canary"] = new JsonObject
                {
                    ["canaryService"] = ArgoNames.CanaryService(spec),
                    ["stableService"] = ArgoNames.StableService(spec),
                    ["steps"] = new JsonArray([.. spec.Steps.Select(step => Step(spec, step))]),
                },
            },
        },
    };

    private static JsonObject Container(RolloutSpec spec)
    {
        JsonObject Probe(string path) => new()
        {
            ["httpGet"] = new JsonObject { ["path"] = path, ["port"] = "http" },
            ["periodSeconds"] = 10,
        };
        return new JsonObject
        {
            ["name"] = "raggate",
            ["image"] = spec.Argo.Image,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = spec.Argo.Port, ["protocol"] = "TCP" }),
            ["env"] = new JsonArray(new JsonObject { ["name"] = "ASPNETCORE_URLS", ["value"] = $"http://0.0.0.0:{spec.Argo.Port}" }),
            ["readinessProbe"] = Probe("/readyz"),
            ["livenessProbe"] = Probe("/healthz"),
        };
    }

    private static JsonObject Step(RolloutSpec spec, RolloutStep step) => step switch
    {
        SetWeightStep w => new JsonObject { ["setWeight"] = w.Weight },
        PauseStep { Duration: { } d } => new JsonObject { ["pause"] = new JsonObject { ["duration"] = DurationText.Format(d) } },
        PauseStep => new JsonObject { ["pause"] = new JsonObject() },
        AnalysisStep a => new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["templates"] = new JsonArray([.. a.Templates.Select(t => new JsonObject { ["templateName"] = ArgoNames.Template(spec, t) })]),
                ["args"] = new JsonArray(new JsonObject { ["name"] = ArgoNames.CanaryServiceArg, ["value"] = ArgoNames.CanaryService(spec) }),
            },
        },
        _ => throw new ArgumentException($"Unknown step {step.GetType().Name}.", nameof(step)),
    };
}

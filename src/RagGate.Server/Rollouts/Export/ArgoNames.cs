using System.Text.Json.Nodes;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>The names and labels of the exported objects, derived from the spec's name.</summary>
internal static class ArgoNames
{
    public const string ApiVersion = "argoproj.io/v1alpha1";
    public const string SelectorLabel = "app.kubernetes.io/name";
    public const string CanaryServiceArg = "canary-service";
    public const string EvalMountPath = "/etc/raggate/eval";

    public static string StableService(RolloutSpec spec) => spec.Name + "-stable";

    public static string CanaryService(RolloutSpec spec) => spec.Name + "-canary";

    public static string EvalConfigMap(RolloutSpec spec) => spec.Name + "-eval";

    public static string Template(RolloutSpec spec, string template) => $"{spec.Name}-{template}";

    public static JsonObject Metadata(RolloutSpec spec, string name) => new()
    {
        ["name"] = name,
        ["labels"] = new JsonObject { [SelectorLabel] = spec.Name, ["app.kubernetes.io/managed-by"] = "raggate" },
    };

    public static JsonObject Selector(RolloutSpec spec) => new() { [SelectorLabel] = spec.Name };
}

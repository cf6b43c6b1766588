using System.Text.Json.Nodes;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>The stable and canary <c>Service</c>s Argo Rollouts points at each revision's pods.</summary>
internal static class ServiceManifest
{
    public static JsonObject Build(RolloutSpec spec, string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = ArgoNames.Metadata(spec, name),
        ["spec"] = new JsonObject
        {
            // Argo Rollouts adds the pod-template-hash of each revision to these selectors.
            ["selector"] = ArgoNames.Selector(spec),
            ["ports"] = new JsonArray(new JsonObject
            {
                ["name"] = "http",
                ["port"] = spec.Argo.Port,
                ["targetPort"] = "http",
                ["protocol"] = "TCP",
            }),
        },
    };
}

using Microsoft.AspNetCore.Http.HttpResults;
using RagGate.Server.Hosting;

namespace RagGate.Server.Api;

/// <summary><c>GET /healthz</c> (alive), <c>GET /readyz</c> (index loaded, model warm) and <c>GET /version</c>.</summary>
internal static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatus(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Status");
        group.MapGet("/healthz", () => TypedResults.Text("ok")).WithName("Health");
        group.MapGet("/readyz", Results<Ok<string>, ProblemHttpResult> (EngineHost host) =>
            host.IsReady ? TypedResults.Ok("ready") : Problems.NotReady()).WithName("Ready");
        group.MapGet("/version", Results<Ok<VersionResponse>, ProblemHttpResult> (EngineHost host) =>
        {
            if (host.Current is not { } engine) return Problems.NotReady();
            var identity = engine.Target.Identity;
            return TypedResults.Ok(new VersionResponse(BuildInfo.Version, BuildInfo.GitSha, identity.EmbeddingModel, identity.IndexHash,
                identity.ConfigHash, identity.GenerationModel, identity.Retriever));
        }).WithName("Version");
        return group;
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using RagGate.Server.Hardening;
using RagGate.Server.Hosting;
using RagGate.Server.Observability;

namespace RagGate.Server.Api;

/// <summary><c>POST /admin/reload</c>: rebuild (when the corpus changed) or reload the index and swap it in without dropping requests.</summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").WithTags("Admin").AddEndpointFilter<BearerTokenFilter>();
        group.MapPost("/reload", ReloadAsync).WithName("Reload");
        return group;
    }

    private static async Task<Results<Ok<ReloadResponse>, ProblemHttpResult>> ReloadAsync(
        EngineLoader loader, ILogger<EngineLoader> logger, CancellationToken cancellationToken)
    {
        var engine = await loader.ReloadAsync(cancellationToken);
        if (engine is null)
        {
            return TypedResults.Problem(title: "Reload in progress", detail: "Another reload is running; retry when it is done.", statusCode: StatusCodes.Status409Conflict);
        }

        ServerLog.Reloaded(logger, engine.Index.ContentHash);
        return TypedResults.Ok(new ReloadResponse(engine.Index.ContentHash, engine.Index.Manifest.DocumentCount, engine.Index.Manifest.ChunkCount));
    }
}

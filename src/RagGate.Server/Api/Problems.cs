using Microsoft.AspNetCore.Http.HttpResults;

namespace RagGate.Server.Api;

/// <summary>The problem responses the endpoints return themselves (validation problems aside).</summary>
internal static class Problems
{
    public static ProblemHttpResult NotReady() => TypedResults.Problem(
        title: "Not ready", detail: "The index is loading or the model is warming up; retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
}

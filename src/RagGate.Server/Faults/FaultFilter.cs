namespace RagGate.Server.Faults;

/// <summary>Runs the configured faults before a RAG endpoint: added latency, then an injected 500 or the real answer.</summary>
internal sealed class FaultFilter(FaultInjector faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (await faults.ApplyAsync(context.HttpContext.RequestAborted))
        {
            return TypedResults.Problem(
                title: "Injected fault", detail: "This server was started with faults.error_rate for a drill.", statusCode: StatusCodes.Status500InternalServerError);
        }

        return await next(context);
    }
}

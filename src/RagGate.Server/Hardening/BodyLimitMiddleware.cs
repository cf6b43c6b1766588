using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RagGate.Server.Hosting;

namespace RagGate.Server.Hardening;

/// <summary>
/// Refuses a body over the limit with 413 before anything reads it, and tightens the server's own
/// limit for bodies without a length (chunked), which Kestrel then stops at the limit.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<RagServerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var max = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        return next(context);
    }
}

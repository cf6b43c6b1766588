using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RagGate.Server.Hosting;

namespace RagGate.Server.Hardening;

/// <summary>The built-in rate limiter on the RAG endpoints: a token bucket per client address, 429 problem+json over it.</summary>
internal static class RateLimiting
{
    /// <summary>The policy the RAG endpoints require.</summary>
    public const string ApiPolicy = "rag-api";

    // Refilled ten times a second rather than once, so a client at the average rate is never refused
    // because the whole second's tokens arrive at once.
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddRagRateLimiter(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RagServerOptions>>((limiter, server) =>
        {
            var limits = server.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ApiPolicy, context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
                return limits.RateLimitPerSecond == 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.RateLimitBurst,
                        TokensPerPeriod = Math.Max(1, limits.RateLimitPerSecond / 10),
                        ReplenishmentPeriod = Period,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "1";
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Over the rate limit; retry after a second." },
                });
            };
        });
        return services;
    }
}

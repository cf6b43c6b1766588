using RagGate.Engine.Configuration;
using RagGate.Server.Api;
using RagGate.Server.Hardening;
using RagGate.Server.Observability;

namespace RagGate.Server;

/// <summary>The middleware order and the endpoints.</summary>
internal static class ServerPipeline
{
    public static WebApplication UseRagServer(this WebApplication app, RagGateConfig config)
    {
        // Errors become problem+json without exception details: no stack, no file paths.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<BodyLimitMiddleware>();
        if (config.Evaluation.Server.CorsOrigins.Count > 0) app.UseCors();
        app.UseRateLimiter();
        app.UseRequestTimeouts();

        if (config.Evaluation.Faults is { } faults)
        {
            ServerLog.FaultsOn(app.Logger, faults.ErrorRate, faults.LatencyMs, faults.CrashAfterRequests?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no");
        }

        app.MapRagApi();
        app.MapStatus();
        if (config.Evaluation.Server.AdminEnabled) app.MapAdmin();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}

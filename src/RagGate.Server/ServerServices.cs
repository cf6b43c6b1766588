using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using RagGate.Engine.Configuration;
using RagGate.Evaluation.Config;
using RagGate.Server.Api;
using RagGate.Server.Faults;
using RagGate.Server.Hardening;
using RagGate.Server.Hosting;
using RagGate.Server.Observability;

namespace RagGate.Server;

/// <summary>Registers the server's services: options, engine, JSON, problems, limits, metrics, OpenAPI.</summary>
internal static class ServerServices
{
    public static WebApplicationBuilder AddRagServer(this WebApplicationBuilder builder, RagGateConfig config)
    {
        var services = builder.Services;
        services.AddSingleton(config);
        services.AddOptions<RagServerOptions>()
            .Configure<IConfiguration>((options, configuration) => FromConfig(options, config.Evaluation.Server, configuration))
            .BindConfiguration(RagServerOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RagServerOptions>, RagServerOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<RagServerOptions>>((host, server) => host.ShutdownTimeout = server.Value.ShutdownTimeout);

        services.AddSingleton<EngineHost>();
        services.AddSingleton<EngineLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineLoader>());
        services.AddSingleton<QueryValidator>();
        services.AddSingleton<ServerMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        if (config.Evaluation.Faults is { } faults)
        {
            services.AddSingleton(faults);
            services.AddSingleton<FaultInjector>();
        }

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance = null);
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RagServerOptions>>((timeouts, server) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy { Timeout = server.Value.RequestTimeout, TimeoutStatusCode = StatusCodes.Status504GatewayTimeout });
        services.AddRagRateLimiter();
        if (config.Evaluation.Server.CorsOrigins.Count > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins([.. config.Evaluation.Server.CorsOrigins]).WithMethods("GET", "POST").WithHeaders("Content-Type")));
        }

        services.AddOpenApi();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(ServerMetrics.MeterName)
            .AddPrometheusExporter());

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = config.Evaluation.Server.MaxBodyBytes;
        });
        LoggingSetup.Configure(builder.Logging);
        return builder;
    }

    private static void FromConfig(RagServerOptions options, ServerSettings settings, IConfiguration configuration)
    {
        options.MaxBodyBytes = settings.MaxBodyBytes;
        options.MaxQueryChars = settings.MaxQueryChars;
        options.MaxK = settings.MaxK;
        options.RequestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds);
        options.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds);
        options.RateLimitPerSecond = settings.RateLimitPerSecond;
        options.RateLimitBurst = settings.RateLimitBurst;
        foreach (var origin in settings.CorsOrigins) options.CorsOrigins.Add(origin);
        options.AdminEnabled = settings.AdminEnabled;
        options.AdminTokenEnv = settings.AdminTokenEnv;
        // Configuration holds the environment, and lets a test host set the token without touching the process's variables.
        options.AdminToken = configuration[settings.AdminTokenEnv] ?? Environment.GetEnvironmentVariable(settings.AdminTokenEnv);
    }
}
